package dev.llmtracing.autoconfigure.request;

import java.util.concurrent.CancellationException;

import dev.llmtracing.context.IdsThreadLocalAccessor;
import dev.llmtracing.context.TracingIds;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.ContextView;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

/**
 * WebFlux filter that follows each inbound request of a reactive application from the
 * moment the filter chain is subscribed until the response is written (for a stream of
 * server-sent events, until its last event), and then has its {@link RequestRecord}
 * written, as {@link RequestRecordFilter} does for servlet applications. It runs inside
 * the ID filter and reads the IDs from the Reactor context, where that filter put them;
 * the request's model calls join it by request ID on whatever thread they run.
 * <p>
 * A response is streamed when its content type is a streaming one (server-sent events,
 * NDJSON); only then does the record have a time to first byte. An error that leaves the
 * filter chain is the record's error, with its HTTP status if it has one and 500
 * otherwise; a response that the client cancels ends the record with a
 * {@link CancellationException} as its error type.
 *
 * @author llm-tracing
 */
final class RequestRecordWebFilter implements WebFilter, Ordered {

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final RequestTracker tracker;

	private final int order;

	/**
	 * Create a filter.
	 * @param tracker follows the running requests
	 * @param order the order of the filter in the WebFlux filter chain, after the ID
	 * filter
	 */
	RequestRecordWebFilter(RequestTracker tracker, int order) {
		this.tracker = tracker;
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((context) -> {
			RequestTimeline timeline = start(context);
			if (timeline == null) {
				return chain.filter(exchange);
			}
			ServerWebExchange followed = exchange.mutate()
				.response(new FirstByteServerResponse(exchange.getResponse(), timeline))
				.build();
			Mono<Void> filtered;
			try {
				filtered = chain.filter(followed);
			}
			catch (RuntimeException | Error ex) {
				// a filter that throws instead of returning an error: still one record
				finish(timeline, exchange, ex);
				throw ex;
			}
			Ending ending = new Ending();
			return filtered.doOnError(ending::failed)
				.doFinally((signal) -> finish(timeline, exchange, ending.error(signal)));
		});
	}

	private @Nullable RequestTimeline start(ContextView context) {
		try {
			TracingIds ids = context.getOrDefault(IdsThreadLocalAccessor.KEY, null);
			// a request with model calls takes the trace ID of its first one; only a
			// request without any needs the server observation's, which costs a restore
			String traceId = this.tracker.recordsEveryRequest() ? traceId(context) : null;
			return (ids != null) ? this.tracker.start(ids, traceId) : null;
		}
		catch (RuntimeException ex) {
			this.tracker.recordFailure(ex);
			return null;
		}
	}

	/**
	 * The trace ID of the server observation, which is in the Reactor context and not on
	 * this thread: restored while Micrometer Tracing puts it in the MDC.
	 */
	private static @Nullable String traceId(ContextView context) {
		if (!context.hasKey(ObservationThreadLocalAccessor.KEY)) {
			return null;
		}
		try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context, ObservationThreadLocalAccessor.KEY)) {
			return MDC.get(RequestTracker.TRACE_ID_MDC_KEY);
		}
	}

	private void finish(RequestTimeline timeline, ServerWebExchange exchange, @Nullable Throwable error) {
		try {
			ServerHttpResponse response = exchange.getResponse();
			if (isStreamed(response)) {
				timeline.streamed();
			}
			this.tracker.finish(timeline, route(exchange), status(response.getStatusCode(), error), error);
		}
		catch (RuntimeException ex) {
			this.tracker.recordFailure(ex);
		}
	}

	private static @Nullable String route(ServerWebExchange exchange) {
		Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern instanceof PathPattern pathPattern) ? pathPattern.getPatternString() : null;
	}

	/**
	 * The status the caller gets: an error leaving the filter chain becomes a response
	 * only after it, in the application's error handler, with the status of a
	 * {@link ResponseStatusException} or 500.
	 */
	private static int status(@Nullable HttpStatusCode status, @Nullable Throwable error) {
		if (error instanceof ResponseStatusException statusException) {
			return statusException.getStatusCode().value();
		}
		int value = (status != null) ? status.value() : 200;
		return (error != null && !(error instanceof CancellationException) && value < 400) ? 500 : value;
	}

	private static boolean isStreamed(ServerHttpResponse response) {
		MediaType contentType = response.getHeaders().getContentType();
		return contentType != null && (MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)
				|| MediaType.APPLICATION_NDJSON.isCompatibleWith(contentType));
	}

	/**
	 * How the response ended: the error it failed with, or its cancellation.
	 */
	private static final class Ending {

		private volatile @Nullable Throwable error;

		void failed(Throwable error) {
			this.error = error;
		}

		@Nullable Throwable error(SignalType signal) {
			return (signal == SignalType.CANCEL) ? new CancellationException("response cancelled") : this.error;
		}

	}

	/**
	 * Notes the time of the first body byte that a streamed response writes; the body of
	 * any other response is written as it is.
	 */
	private static final class FirstByteServerResponse extends ServerHttpResponseDecorator {

		private final RequestTimeline timeline;

		FirstByteServerResponse(ServerHttpResponse delegate, RequestTimeline timeline) {
			super(delegate);
			this.timeline = timeline;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(isStreamed(this) ? Flux.from(body).doOnNext(this::written) : body);
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(
					isStreamed(this) ? Flux.from(body).map((inner) -> Flux.from(inner).doOnNext(this::written)) : body);
		}

		private void written(DataBuffer buffer) {
			if (buffer.readableByteCount() > 0) {
				this.timeline.firstByte(System.nanoTime());
			}
		}

	}

}
