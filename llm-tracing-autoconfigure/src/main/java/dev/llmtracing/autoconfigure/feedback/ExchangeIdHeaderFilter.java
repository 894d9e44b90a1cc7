package dev.llmtracing.autoconfigure.feedback;

import java.io.IOException;

import dev.llmtracing.context.ExchangeIdEcho;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter that echoes the exchange ID of the last model call of a request in a
 * response header (by default {@code X-Exchange-Id}), so that a client can give feedback
 * on that answer. The header is set when a call starts on the request's thread and the
 * response is not committed yet; a streamed answer whose response is already committed
 * gets none (its client gives feedback by request ID instead).
 *
 * @author llm-tracing
 */
final class ExchangeIdHeaderFilter extends OncePerRequestFilter {

	private final String headerName;

	/**
	 * Create a filter.
	 * @param headerName the name of the response header
	 */
	public ExchangeIdHeaderFilter(String headerName) {
		this.headerName = headerName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		try (ExchangeIdEcho.Scope echo = ExchangeIdEcho.open((exchangeId) -> {
			if (!response.isCommitted()) {
				response.setHeader(this.headerName, exchangeId);
			}
		})) {
			filterChain.doFilter(request, response);
		}
	}

}
