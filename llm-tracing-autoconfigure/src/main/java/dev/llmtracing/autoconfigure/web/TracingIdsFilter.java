package dev.llmtracing.autoconfigure.web;

import java.io.IOException;

import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.InboundIds;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingHeaders;
import dev.llmtracing.context.TracingIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter that opens an {@link IdScope} for each request: it reads the request,
 * context and user ID headers, validates them (an invalid request ID is replaced by a
 * generated one, an invalid context or user ID is dropped), echoes the request ID in the
 * response and puts the IDs in the MDC until the request is done. When the request has
 * none of the ID headers, the IDs are read from its baggage field headers
 * ({@code requestId}, {@code contextId}, {@code userId}) or its W3C baggage (validated
 * the same way); incoming baggage values of the ID keys are replaced by the request's IDs
 * in the trace, so that a rejected value is never carried on (the client interceptors add
 * the IDs to outgoing calls). Async and error dispatches of the same request reuse the
 * IDs of its first dispatch.
 *
 * @author llm-tracing
 */
final class TracingIdsFilter extends OncePerRequestFilter {

	/**
	 * The source reported with rejected IDs.
	 */
	public static final String HEADER_SOURCE = InboundIds.HEADER_SOURCE;

	/**
	 * The source reported with rejected IDs from incoming baggage.
	 */
	public static final String BAGGAGE_SOURCE = InboundIds.BAGGAGE_SOURCE;

	private static final String IDS_ATTRIBUTE = TracingIdsFilter.class.getName() + ".ids";

	private static final String BAGGAGE_HEADER = "baggage";

	private final IdScopes idScopes;

	private final TracingHeaders headers;

	private final InboundIds inboundIds;

	/**
	 * Create a filter without baggage.
	 * @param idScopes opens the ID scope
	 * @param headers the names of the ID headers and whether to echo the request ID
	 */
	TracingIdsFilter(IdScopes idScopes, TracingHeaders headers) {
		this(idScopes, headers, BaggageBridge.NONE);
	}

	/**
	 * Create a filter.
	 * @param idScopes opens the ID scope
	 * @param headers the names of the ID headers and whether to echo the request ID
	 * @param baggage reads IDs from incoming baggage when a header is missing, and puts
	 * the request's IDs in the baggage of its trace
	 */
	TracingIdsFilter(IdScopes idScopes, TracingHeaders headers, BaggageBridge baggage) {
		this.idScopes = idScopes;
		this.headers = headers;
		this.inboundIds = new InboundIds(idScopes, baggage);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		TracingIds ids = resolveIds(request);
		if (this.headers.echoRequestId() && !response.isCommitted()
				&& !response.containsHeader(this.headers.requestId())) {
			response.setHeader(this.headers.requestId(), ids.requestId());
		}
		try (IdScope scope = this.idScopes.restore(ids);
				BaggageBridge.Scope baggage = carriesBaggage(request) ? this.inboundIds.writeBaggage(ids)
						: BaggageBridge.Scope.NONE) {
			filterChain.doFilter(request, response);
		}
	}

	/**
	 * Whether the request can have brought ID entries into the baggage of its trace: only
	 * a W3C {@code baggage} header or a baggage field header can. Without one, the
	 * trace's baggage is left alone and not even read.
	 */
	private boolean carriesBaggage(HttpServletRequest request) {
		MdcKeys keys = this.idScopes.getKeys();
		return request.getHeader(BAGGAGE_HEADER) != null || request.getHeader(keys.requestId()) != null
				|| request.getHeader(keys.contextId()) != null || request.getHeader(keys.userId()) != null;
	}

	private TracingIds resolveIds(HttpServletRequest request) {
		if (request.getAttribute(IDS_ATTRIBUTE) instanceof TracingIds ids) {
			return ids;
		}
		String requestId = request.getHeader(this.headers.requestId());
		String contextId = request.getHeader(this.headers.contextId());
		String userId = request.getHeader(this.headers.userId());
		TracingIds ids = this.inboundIds.resolve(requestId, contextId, userId, HEADER_SOURCE, request::getHeader);
		request.setAttribute(IDS_ATTRIBUTE, ids);
		return ids;
	}

}
