package dev.llmtracing.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Turns Spring AI messages into the JSON shape of the OpenTelemetry GenAI input and
 * output messages: {@code {"role": ..., "parts": [{"type": "text", "content": ...},
 * {"type": "tool_call", ...}, {"type": "tool_call_response", ...}]}}, each text masked
 * and capped.
 *
 * @author llm-tracing
 */
final class MessageParts {

	private final TextLimiter limiter;

	private boolean truncated;

	MessageParts(TextLimiter limiter) {
		this.limiter = limiter;
	}

	void reset() {
		this.truncated = false;
	}

	boolean truncated() {
		return this.truncated;
	}

	List<Map<String, Object>> input(List<Message> messages, int limit) {
		List<Map<String, Object>> input = new ArrayList<>(messages.size());
		for (Message message : messages) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("role", message.getMessageType().getValue());
			entry.put("parts", parts(message, limit));
			input.add(entry);
		}
		return input;
	}

	List<Map<String, Object>> output(@Nullable ChatResponse response, int limit) {
		List<Map<String, Object>> output = new ArrayList<>();
		if (response == null) {
			return output;
		}
		for (Generation generation : response.getResults()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("role", "assistant");
			entry.put("parts", parts(generation.getOutput(), limit));
			String reason = Responses.finishReason(generation);
			if (reason != null) {
				entry.put("finish_reason", reason);
			}
			output.add(entry);
		}
		return output;
	}

	static Map<String, Object> omitted(int count) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("type", "text");
		part.put("content", "[" + count + " earlier message(s) omitted: record size limit]");
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("role", "system");
		entry.put("parts", List.of(part));
		entry.put("omitted", count);
		return entry;
	}

	private List<Map<String, Object>> parts(Message message, int limit) {
		List<Map<String, Object>> parts = new ArrayList<>();
		String text = message.getText();
		if (text != null && !text.isEmpty()) {
			parts.add(text("text", "content", text, limit));
		}
		if (message instanceof AssistantMessage assistant) {
			for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
				Map<String, Object> part = text("tool_call", "arguments", call.arguments(), limit);
				part.put("id", call.id());
				part.put("name", call.name());
				parts.add(part);
			}
		}
		if (message instanceof ToolResponseMessage tool) {
			for (ToolResponseMessage.ToolResponse response : tool.getResponses()) {
				Map<String, Object> part = text("tool_call_response", "response", response.responseData(), limit);
				part.put("id", response.id());
				part.put("name", response.name());
				parts.add(part);
			}
		}
		return parts;
	}

	private Map<String, Object> text(String type, String key, @Nullable String text, int limit) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("type", type);
		this.truncated |= this.limiter.put(part, key, (text != null) ? text : "", limit);
		return part;
	}

}
