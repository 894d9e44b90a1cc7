package dev.llmtracing.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * The tools offered to the model in a request, in the shape of the GenAI
 * {@code gen_ai.tool.definitions}: type, name, description and the JSON schema of the
 * parameters. They are written by the application, not by users, so they are not masked.
 *
 * @author llm-tracing
 */
final class ToolDefinitions {

	private ToolDefinitions() {
	}

	static @Nullable List<Map<String, Object>> of(Prompt prompt) {
		if (!(prompt.getOptions() instanceof ToolCallingChatOptions options) || options.getToolCallbacks() == null
				|| options.getToolCallbacks().isEmpty()) {
			return null;
		}
		List<Map<String, Object>> definitions = new ArrayList<>();
		for (ToolCallback callback : options.getToolCallbacks()) {
			ToolDefinition definition = callback.getToolDefinition();
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", "function");
			entry.put("name", definition.name());
			entry.put("description", definition.description());
			entry.put("parameters", definition.inputSchema());
			definitions.add(entry);
		}
		return definitions;
	}

	static List<Map<String, Object>> namesOnly(List<Map<String, Object>> definitions) {
		List<Map<String, Object>> names = new ArrayList<>(definitions.size());
		for (Map<String, Object> definition : definitions) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", definition.get("type"));
			entry.put("name", definition.get("name"));
			names.add(entry);
		}
		return names;
	}

}
