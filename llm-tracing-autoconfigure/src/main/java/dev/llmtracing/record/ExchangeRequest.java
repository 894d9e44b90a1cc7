package dev.llmtracing.record;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What was asked of the model in an exchange, and what the {@code ChatClient} knew about
 * the call.
 *
 * @param operationName the operation, {@code gen_ai.operation.name}, such as {@code chat}
 * @param providerName the provider, {@code gen_ai.provider.name}, such as {@code openai}
 * @param requestModel the model that was asked for
 * @param temperature the requested temperature
 * @param topP the requested top-p
 * @param maxTokens the requested maximum number of output tokens
 * @param stream whether the call was a stream
 * @param options further request options named after the GenAI conventions
 * ({@code gen_ai.request.seed}, {@code gen_ai.request.stop_sequences}, ...), only those
 * that were set
 * @param conversationId the chat memory conversation ID, {@code gen_ai.conversation.id}
 * @param promptName the name of the prompt template, given by the application
 * @param promptVersion the version of the prompt template, given by the application
 * @author llm-tracing
 * @since 0.1.0
 */
public record ExchangeRequest(String operationName, @Nullable String providerName, @Nullable String requestModel,
		@Nullable Double temperature, @Nullable Double topP, @Nullable Integer maxTokens, boolean stream,
		Map<String, Object> options, @Nullable String conversationId, @Nullable String promptName,
		@Nullable String promptVersion) {

}
