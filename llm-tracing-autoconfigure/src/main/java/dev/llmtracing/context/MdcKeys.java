package dev.llmtracing.context;

import org.springframework.util.Assert;

/**
 * The MDC keys under which the {@link TracingIds} are kept.
 *
 * @param requestId the MDC key of the request ID
 * @param contextId the MDC key of the context ID
 * @param userId the MDC key of the user ID
 * @author llm-tracing
 * @since 0.1.0
 */
public record MdcKeys(String requestId, String contextId, String userId) {

	/**
	 * The default keys: {@code requestId}, {@code contextId} and {@code userId}.
	 */
	public static final MdcKeys DEFAULT = new MdcKeys("requestId", "contextId", "userId");

	public MdcKeys {
		Assert.hasText(requestId, "'requestId' must not be empty");
		Assert.hasText(contextId, "'contextId' must not be empty");
		Assert.hasText(userId, "'userId' must not be empty");
	}

}
