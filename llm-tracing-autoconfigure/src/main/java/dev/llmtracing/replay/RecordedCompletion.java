package dev.llmtracing.replay;

import java.util.List;
import java.util.Map;

import dev.llmtracing.record.ExchangeFields;
import org.jspecify.annotations.Nullable;

/**
 * Reads the completion of a record from its {@code gen_ai.output.messages}.
 *
 * @author llm-tracing
 */
final class RecordedCompletion {

	private RecordedCompletion() {
	}

	@SuppressWarnings("unchecked")
	static @Nullable String text(Map<String, Object> record) {
		Map<String, Object> first = first(record);
		if (first == null) {
			return null;
		}
		return PromptRebuilder.text((List<Map<String, Object>>) first.getOrDefault("parts", List.of()));
	}

	static @Nullable String finishReason(Map<String, Object> record) {
		Map<String, Object> first = first(record);
		return (first != null) ? (String) first.get("finish_reason") : null;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, Object> first(Map<String, Object> record) {
		Object output = record.get(ExchangeFields.OUTPUT_MESSAGES);
		if (output instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
			return (Map<String, Object>) list.get(0);
		}
		return null;
	}

}
