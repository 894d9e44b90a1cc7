package dev.llmtracing.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.llmtracing.record.ExchangeFields;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Rebuilds the prompt of a recorded exchange from its {@code gen_ai.input.messages} and
 * its request fields: messages (system, user, assistant with tool calls, tool results),
 * model, temperature, top-p, maximum tokens, stop sequences, top-k, penalties and, where
 * the model's options have one, the seed. The options start from the replaying model's
 * own defaults, as the original call's did.
 *
 * @author llm-tracing
 */
final class PromptRebuilder {

	private PromptRebuilder() {
	}

	static Prompt rebuild(Map<String, Object> record, List<Map<String, Object>> input, @Nullable String model,
			ChatOptions defaults, List<String> notReplayed) {
		ChatOptions.Builder<?> options = defaults.mutate();
		String recordedModel = (String) record.get(ExchangeFields.REQUEST_MODEL);
		options.model((model != null) ? model : recordedModel);
		set(record, ExchangeFields.REQUEST_TEMPERATURE, options::temperature, PromptRebuilder::number);
		set(record, ExchangeFields.REQUEST_TOP_P, options::topP, PromptRebuilder::number);
		set(record, ExchangeFields.REQUEST_MAX_TOKENS, options::maxTokens, PromptRebuilder::integer);
		set(record, ExchangeFields.REQUEST_TOP_K, options::topK, PromptRebuilder::integer);
		set(record, ExchangeFields.REQUEST_FREQUENCY_PENALTY, options::frequencyPenalty, PromptRebuilder::number);
		set(record, ExchangeFields.REQUEST_PRESENCE_PENALTY, options::presencePenalty, PromptRebuilder::number);
		set(record, ExchangeFields.REQUEST_STOP_SEQUENCES, options::stopSequences, PromptRebuilder::strings);
		if (!RecordedTools.offer(record, options)) {
			notReplayed.add(ExchangeFields.TOOL_DEFINITIONS);
		}
		Object seed = record.get(ExchangeFields.REQUEST_SEED);
		if (seed instanceof Number number && !setSeed(options, number.intValue())) {
			notReplayed.add(ExchangeFields.REQUEST_SEED);
		}
		return new Prompt(messages(input), options.build());
	}

	private static <T> void set(Map<String, Object> record, String key, java.util.function.Consumer<T> setter,
			java.util.function.Function<@Nullable Object, @Nullable T> convert) {
		T value = convert.apply(record.get(key));
		if (value != null) {
			setter.accept(value);
		}
	}

	private static boolean setSeed(ChatOptions.Builder<?> options, int seed) {
		try {
			options.getClass().getMethod("seed", Integer.class).invoke(options, seed);
			return true;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return false;
		}
	}

	private static List<Message> messages(List<Map<String, Object>> input) {
		List<Message> messages = new ArrayList<>();
		for (Map<String, Object> entry : input) {
			Message message = message(entry);
			if (message != null) {
				messages.add(message);
			}
		}
		return messages;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Message message(Map<String, Object> entry) {
		List<Map<String, Object>> parts = (List<Map<String, Object>>) entry.getOrDefault("parts", List.of());
		String text = text(parts);
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		List<ToolResponseMessage.ToolResponse> responses = new ArrayList<>();
		for (Map<String, Object> part : parts) {
			switch (String.valueOf(part.get("type"))) {
				case "tool_call" -> calls.add(new AssistantMessage.ToolCall(str(part.get("id")), "function",
						str(part.get("name")), str(part.get("arguments"))));
				case "tool_call_response" -> responses.add(new ToolResponseMessage.ToolResponse(str(part.get("id")),
						str(part.get("name")), str(part.get("response"))));
				default -> {
				}
			}
		}
		return switch (String.valueOf(entry.get("role"))) {
			case "system" -> entry.containsKey("omitted") ? null : new SystemMessage(text);
			case "user" -> new UserMessage(text);
			case "assistant" -> AssistantMessage.builder().content(text).toolCalls(calls).build();
			case "tool" -> ToolResponseMessage.builder().responses(responses).build();
			default -> null;
		};
	}

	/**
	 * Join the texts of a message's parts, leaving out its other parts.
	 * @param parts the parts of the message
	 * @return the text, empty if it has none
	 */
	static String text(List<Map<String, Object>> parts) {
		StringBuilder text = new StringBuilder();
		for (Map<String, Object> part : parts) {
			if ("text".equals(part.get("type"))) {
				text.append(part.getOrDefault("content", ""));
			}
		}
		return text.toString();
	}

	private static String str(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static @Nullable Double number(@Nullable Object value) {
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	/**
	 * Return a recorded number as an integer.
	 * @param value the value of a record field
	 * @return the integer, or {@code null} if the value is not a number
	 */
	static @Nullable Integer integer(@Nullable Object value) {
		return (value instanceof Number number) ? number.intValue() : null;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable List<String> strings(@Nullable Object value) {
		return (value instanceof List<?> list) ? (List<String>) list : null;
	}

}
