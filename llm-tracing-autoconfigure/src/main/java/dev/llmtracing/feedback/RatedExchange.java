package dev.llmtracing.feedback;

import org.jspecify.annotations.Nullable;

/**
 * What the index of recent exchanges keeps of an exchange, for the feedback on it.
 *
 * @param exchangeId the exchange ID
 * @param requestId the request ID, or {@code null}
 * @param requestModel the model that was asked for
 * @param responseModel the model that answered
 * @param providerName the provider, such as {@code openai}
 * @param promptName the name of the prompt template
 * @param promptVersion the version of the prompt template
 * @param responseId the provider's ID of the response, {@code gen_ai.response.id}
 * @param traceId the trace ID of the exchange's span, or {@code null}
 * @param spanId the ID of the exchange's span, or {@code null}
 * @author llm-tracing
 * @since 0.1.0
 */
public record RatedExchange(String exchangeId, @Nullable String requestId, @Nullable String requestModel,
		@Nullable String responseModel, @Nullable String providerName, @Nullable String promptName,
		@Nullable String promptVersion, @Nullable String responseId, @Nullable String traceId,
		@Nullable String spanId) {

}
