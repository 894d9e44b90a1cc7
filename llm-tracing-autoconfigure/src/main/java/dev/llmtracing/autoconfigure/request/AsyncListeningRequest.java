package dev.llmtracing.autoconfigure.request;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request that has its {@link AsyncListener} listen to its async context the moment the
 * context starts, on the thread that starts it. Adding the listener only after the
 * handler returned would race with a stream that already completes the request on another
 * thread. Everything else goes to the wrapped request unchanged.
 *
 * @author llm-tracing
 */
final class AsyncListeningRequest extends HttpServletRequestWrapper {

	private final Listening listening;

	AsyncListeningRequest(HttpServletRequest request, Listening listening) {
		super(request);
		this.listening = listening;
	}

	@Override
	public AsyncContext startAsync() {
		AsyncContext asyncContext = super.startAsync();
		this.listening.listenTo(asyncContext);
		return asyncContext;
	}

	@Override
	public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
		AsyncContext asyncContext = super.startAsync(servletRequest, servletResponse);
		this.listening.listenTo(asyncContext);
		return asyncContext;
	}

	/**
	 * Listens to a request's async context once it starts.
	 */
	interface Listening {

		/**
		 * Listen to the given async context, unless already listening.
		 * @param asyncContext the async context just started
		 */
		void listenTo(AsyncContext asyncContext);

	}

}
