package dev.llmtracing.autoconfigure.reactive;

import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdsThreadLocalAccessor;
import dev.llmtracing.context.InboundIds;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.context.TracingHeaders;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * WebFlux filter that does for reactive applications what the servlet filter does: it
 * reads the request, context and user ID headers, validates them (an invalid request ID
 * is replaced by a generated one, an invalid context or user ID is dropped, each
 * rejection counted), reads the IDs from the request's baggage field headers or W3C
 * baggage when it has none of the headers, and echoes the request ID in the response. The
 * IDs are put in the Reactor context of the request under
 * {@link IdsThreadLocalAccessor#KEY}; Micrometer's context propagation sets them in the
 * MDC wherever the request's work runs and removes them afterwards, so an event-loop
 * thread never keeps them. The filter itself never touches the MDC of the thread it runs
 * on.
 *
 * @author llm-tracing
 */
final class TracingIdsWebFilter implements WebFilter, Ordered {

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final TracingHeaders headers;

	private final InboundIds inboundIds;

	private final int order;

	/**
	 * Create a filter.
	 * @param idScopes validates the IDs
	 * @param headers the names of the ID headers and whether to echo the request ID
	 * @param baggage reads IDs from incoming baggage when the request has no ID header
	 * @param order the order of the filter in the WebFlux filter chain
	 */
	TracingIdsWebFilter(IdScopes idScopes, TracingHeaders headers, BaggageBridge baggage, int order) {
		this.headers = headers;
		this.inboundIds = new InboundIds(idScopes, baggage);
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((context) -> {
			TracingIds ids = resolveIds(exchange, context);
			HttpHeaders response = exchange.getResponse().getHeaders();
			if (this.headers.echoRequestId() && !exchange.getResponse().isCommitted()
					&& !response.containsHeader(this.headers.requestId())) {
				response.set(this.headers.requestId(), ids.requestId());
			}
			return chain.filter(exchange).contextWrite((inner) -> inner.put(IdsThreadLocalAccessor.KEY, ids));
		});
	}

	private TracingIds resolveIds(ServerWebExchange exchange, ContextView context) {
		HttpHeaders request = exchange.getRequest().getHeaders();
		String requestId = request.getFirst(this.headers.requestId());
		String contextId = request.getFirst(this.headers.contextId());
		String userId = request.getFirst(this.headers.userId());
		if (requestId != null || contextId != null || userId != null) {
			return this.inboundIds.resolve(requestId, contextId, userId, InboundIds.HEADER_SOURCE);
		}
		// The server observation, and so the span with the incoming baggage, is in the
		// Reactor context and not on this thread: restore it while the baggage is read.
		try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
			return this.inboundIds.resolve(null, null, null, InboundIds.HEADER_SOURCE, request::getFirst);
		}
	}

}
