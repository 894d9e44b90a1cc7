package dev.llmtracing.web;

import java.io.IOException;

import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
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
 * response and puts the IDs in the MDC until the request is done. Async and error
 * dispatches of the same request reuse the IDs of its first dispatch.
 *
 * @author llm-tracing
 */
public class TracingIdsFilter extends OncePerRequestFilter {

	/**
	 * The source reported with rejected IDs.
	 */
	public static final String HEADER_SOURCE = "header";

	private static final String IDS_ATTRIBUTE = TracingIdsFilter.class.getName() + ".ids";

	private final IdScopes idScopes;

	private final TracingHeaders headers;

	/**
	 * Create a filter.
	 * @param idScopes opens the ID scope
	 * @param headers the names of the ID headers and whether to echo the request ID
	 */
	public TracingIdsFilter(IdScopes idScopes, TracingHeaders headers) {
		this.idScopes = idScopes;
		this.headers = headers;
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
		try (IdScope scope = this.idScopes.restore(ids)) {
			filterChain.doFilter(request, response);
		}
	}

	private TracingIds resolveIds(HttpServletRequest request) {
		if (request.getAttribute(IDS_ATTRIBUTE) instanceof TracingIds ids) {
			return ids;
		}
		TracingIds ids = this.idScopes.validate(request.getHeader(this.headers.requestId()),
				request.getHeader(this.headers.contextId()), request.getHeader(this.headers.userId()), HEADER_SOURCE);
		request.setAttribute(IDS_ATTRIBUTE, ids);
		return ids;
	}

}
