package dev.llmtracing.content;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.util.StringUtils;

/**
 * Questions about a {@link ChatResponse} that do not read its text into a record.
 *
 * @author llm-tracing
 */
public final class Responses {

	private Responses() {
	}

	/**
	 * Return whether the response carries any answer text or tool call.
	 * @param response the response or chunk
	 * @return {@code true} if some generation has text or a tool call
	 */
	public static boolean hasContent(@Nullable ChatResponse response) {
		if (response == null) {
			return false;
		}
		for (Generation generation : response.getResults()) {
			AssistantMessage output = generation.getOutput();
			if (output != null && (StringUtils.hasLength(output.getText()) || output.hasToolCalls())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the finish reason of a generation in lower case, as the records and the
	 * GenAI conventions write it.
	 * @param generation the generation
	 * @return the finish reason, or {@code null} if there is none
	 */
	public static @Nullable String finishReason(Generation generation) {
		String reason = generation.getMetadata().getFinishReason();
		return StringUtils.hasLength(reason) ? reason.toLowerCase(Locale.ROOT) : null;
	}

}
