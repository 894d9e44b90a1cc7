package dev.llmtracing.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.llmtracing.record.ExchangeFields;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Offers the recorded tools to the model again. The tools are only described, never run:
 * a replay shows what the model asks for, and the tool results come from the recorded
 * messages.
 *
 * @author llm-tracing
 */
final class RecordedTools {

	private RecordedTools() {
	}

	/**
	 * Offer the recorded tools.
	 * @param record the fields of the record
	 * @param options the options being built
	 * @return {@code false} if the record has tools that cannot be offered again
	 */
	@SuppressWarnings("unchecked")
	static boolean offer(Map<String, Object> record, ChatOptions.Builder<?> options) {
		Object recorded = record.get(ExchangeFields.TOOL_DEFINITIONS);
		if (!(recorded instanceof List<?> definitions) || definitions.isEmpty()) {
			return true;
		}
		if (!(options instanceof ToolCallingChatOptions.Builder<?> toolOptions)) {
			return false;
		}
		List<ToolCallback> callbacks = new ArrayList<>();
		for (Object item : definitions) {
			Map<String, Object> definition = (Map<String, Object>) item;
			if (!(definition.get("parameters") instanceof String schema)) {
				return false;
			}
			callbacks.add(new DescribedTool(ToolDefinition.builder()
				.name(String.valueOf(definition.get("name")))
				.description(String.valueOf(definition.getOrDefault("description", "")))
				.inputSchema(schema)
				.build()));
		}
		toolOptions.toolCallbacks(callbacks);
		return true;
	}

	private record DescribedTool(ToolDefinition definition) implements ToolCallback {

		@Override
		public ToolDefinition getToolDefinition() {
			return this.definition;
		}

		@Override
		public String call(String toolInput) {
			throw new UnsupportedOperationException(
					"Replayed tool '" + this.definition.name() + "' is only described to the model, never run");
		}

		@Override
		public String call(String toolInput, @Nullable ToolContext toolContext) {
			return call(toolInput);
		}

	}

}
