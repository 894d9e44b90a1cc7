package dev.llmtracing.chat;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Questions about a {@link ChatResponse} that do not read its text into a record.
 *
 * @author llm-tracing
 */
final class Responses {

	private Responses() {
	}

	/**
	 * Return whether the response carries any answer text or tool call.
	 * @param response the response or chunk
	 * @return {@code true} if some generation has text or a tool call
	 */
	static boolean hasContent(@Nullable ChatResponse response) {
		if (response == null) {
			return false;
		}
		for (Generation generation : response.getResults()) {
			AssistantMessage output = generation.getOutput();
			if (output != null
					&& ((output.getText() != null && !output.getText().isEmpty()) || output.hasToolCalls())) {
				return true;
			}
		}
		return false;
	}

}
