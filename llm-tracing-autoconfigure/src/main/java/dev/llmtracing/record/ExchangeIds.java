package dev.llmtracing.record;

import org.jspecify.annotations.Nullable;

/**
 * The IDs of an exchange: its own, those of the inbound request, and those of its span.
 *
 * @param exchangeId the ID of this model call, new for each call
 * @param requestId the ID of the inbound request or unit of work
 * @param contextId the ID of the conversation or session
 * @param userId the ID of the user
 * @param traceId the trace ID when tracing is on
 * @param spanId the ID of the model call's span when tracing is on
 * @author llm-tracing
 * @since 0.1.0
 */
public record ExchangeIds(String exchangeId, @Nullable String requestId, @Nullable String contextId,
		@Nullable String userId, @Nullable String traceId, @Nullable String spanId) {

}
