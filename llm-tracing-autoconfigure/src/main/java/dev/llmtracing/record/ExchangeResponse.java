package dev.llmtracing.record;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the model answered in an exchange, apart from its content and usage.
 *
 * @param responseModel the model that answered
 * @param responseId the provider's ID of the response
 * @param finishReasons the reasons each choice stopped, in order
 * @param empty whether the call succeeded with neither text nor tool calls
 * @author llm-tracing
 * @since 0.1.0
 */
public record ExchangeResponse(@Nullable String responseModel, @Nullable String responseId, List<String> finishReasons,
		boolean empty) {

}
