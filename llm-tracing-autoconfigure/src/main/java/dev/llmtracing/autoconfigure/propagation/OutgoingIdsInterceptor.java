package dev.llmtracing.autoconfigure.propagation;

import java.io.IOException;

import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Applies the {@link OutgoingIds} policy to requests of {@code RestClient} and
 * {@code RestTemplate}.
 *
 * @author llm-tracing
 */
final class OutgoingIdsInterceptor implements ClientHttpRequestInterceptor {

	private final OutgoingIds outgoingIds;

	private final InstrumentationFailures failures;

	/**
	 * Create an interceptor.
	 * @param outgoingIds the policy
	 * @param failures counts failures of the policy, which never fail the request
	 */
	OutgoingIdsInterceptor(OutgoingIds outgoingIds, InstrumentationFailures failures) {
		this.outgoingIds = outgoingIds;
		this.failures = failures;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		try {
			this.outgoingIds.apply(request.getURI(), request.getHeaders());
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.PROPAGATION, ex);
		}
		return execution.execute(request, body);
	}

}
