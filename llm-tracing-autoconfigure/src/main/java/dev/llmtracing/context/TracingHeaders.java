package dev.llmtracing.context;

import org.springframework.util.Assert;

/**
 * The names of the HTTP headers that carry the IDs.
 *
 * @param requestId the name of the request ID header
 * @param contextId the name of the context ID header
 * @param userId the name of the user ID header
 * @param echoRequestId whether to set the request ID header on the response
 * @author llm-tracing
 */
public record TracingHeaders(String requestId, String contextId, String userId, boolean echoRequestId) {

	/**
	 * The default headers: {@code X-Request-Id}, {@code X-Context-Id} and
	 * {@code X-User-Id}, with the request ID echoed.
	 */
	public static final TracingHeaders DEFAULT = new TracingHeaders("X-Request-Id", "X-Context-Id", "X-User-Id", true);

	public TracingHeaders {
		Assert.hasText(requestId, "'requestId' must not be empty");
		Assert.hasText(contextId, "'contextId' must not be empty");
		Assert.hasText(userId, "'userId' must not be empty");
	}

}
