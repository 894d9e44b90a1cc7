package dev.llmtracing.autoconfigure.propagation;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor that removes the {@link StreamLinkHeader} before a request leaves
 * the application. {@link StreamSpanLinkHandler} already removes it when the HTTP
 * observation starts; this covers clients whose observations are switched off.
 *
 * @author llm-tracing
 */
final class StreamLinkHeaderRemover implements Interceptor {

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		if (request.header(StreamLinkHeader.NAME) == null) {
			return chain.proceed(request);
		}
		return chain.proceed(request.newBuilder().removeHeader(StreamLinkHeader.NAME).build());
	}

}
