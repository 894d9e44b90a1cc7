package dev.llmtracing.autoconfigure.chat;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * What a chat model observation holds of its call when it stops: all that the exchange
 * record and its quality signals are built from. The record is built later, on the
 * dispatcher's thread, from this and not from the observation's context, which would keep
 * the observations above it (their requests, their spans) alive while the record waits in
 * the queue, for the garbage collector to copy on every collection.
 *
 * @param prompt the prompt sent
 * @param response the response, or {@code null} if there was none
 * @param error the error the call ended with, or {@code null}
 * @param streaming whether the call was a stream
 * @param operationType the operation, such as {@code chat}
 * @param provider the provider, such as {@code openai}
 * @author llm-tracing
 */
record ModelCall(Prompt prompt, @Nullable ChatResponse response, @Nullable Throwable error, boolean streaming,
		String operationType, String provider) {

	static ModelCall of(ChatModelObservationContext context) {
		return new ModelCall(context.getRequest(), context.getResponse(), context.getError(), context.isStreaming(),
				context.getOperationMetadata().operationType(), context.getOperationMetadata().provider());
	}

}
