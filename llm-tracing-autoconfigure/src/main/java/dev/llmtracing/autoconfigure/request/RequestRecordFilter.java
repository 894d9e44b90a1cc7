package dev.llmtracing.autoconfigure.request;

import java.io.IOException;

import dev.llmtracing.context.IdScopes;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter that follows each inbound request from its first dispatch until its
 * response completes (for async requests and SSE streams, when the async context
 * completes), and then has its {@link RequestRecord} written. Runs inside the ID filter,
 * whose request ID identifies the request.
 *
 * @author llm-tracing
 */
final class RequestRecordFilter extends OncePerRequestFilter {

	private static final String BEST_MATCHING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

	private static final String HANDLED_EXCEPTION = "org.springframework.web.servlet.DispatcherServlet.EXCEPTION";

	private static final String ERROR_EXCEPTION = "jakarta.servlet.error.exception";

	private final RequestTracker tracker;

	private final IdScopes idScopes;

	/**
	 * Create a filter.
	 * @param tracker follows the running requests
	 * @param idScopes reads the request's IDs
	 */
	RequestRecordFilter(RequestTracker tracker, IdScopes idScopes) {
		this.tracker = tracker;
		this.idScopes = idScopes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		RequestTimeline timeline = this.tracker.startHere(this.idScopes::current);
		if (timeline == null) {
			filterChain.doFilter(request, response);
			return;
		}
		Throwable error = null;
		try {
			filterChain.doFilter(request, new FirstByteResponse(response, timeline));
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			error = ex;
			throw ex;
		}
		finally {
			try {
				if (error == null && request.isAsyncStarted()) {
					timeline.streamed();
					request.getAsyncContext().addListener(new Completion(timeline));
				}
				else {
					finish(timeline, request, response, error);
				}
			}
			catch (RuntimeException ex) {
				this.tracker.recordFailure(ex);
			}
		}
	}

	private void finish(RequestTimeline timeline, HttpServletRequest request, HttpServletResponse response,
			@Nullable Throwable error) {
		try {
			record(timeline, request, response, error);
		}
		catch (RuntimeException ex) {
			this.tracker.recordFailure(ex);
		}
	}

	private void record(RequestTimeline timeline, HttpServletRequest request, HttpServletResponse response,
			@Nullable Throwable error) {
		Throwable failure = (error != null) ? unwrap(error) : handledException(request);
		int status = (error != null && response.getStatus() < 400) ? 500 : response.getStatus();
		Object route = request.getAttribute(BEST_MATCHING_PATTERN);
		this.tracker.finish(timeline, (route instanceof String pattern) ? pattern : null, status, failure);
	}

	private static @Nullable Throwable handledException(HttpServletRequest request) {
		if (request.getAttribute(HANDLED_EXCEPTION) instanceof Throwable ex) {
			return ex;
		}
		return (request.getAttribute(ERROR_EXCEPTION) instanceof Throwable ex) ? ex : null;
	}

	private static Throwable unwrap(Throwable error) {
		return (error instanceof ServletException && error.getCause() != null) ? error.getCause() : error;
	}

	/**
	 * Finishes an async request when its async context completes.
	 */
	private final class Completion implements AsyncListener {

		private final RequestTimeline timeline;

		private volatile @Nullable Throwable error;

		Completion(RequestTimeline timeline) {
			this.timeline = timeline;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			finish(this.timeline, (HttpServletRequest) event.getSuppliedRequest(),
					(HttpServletResponse) event.getSuppliedResponse(), this.error);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
			this.error = event.getThrowable();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
