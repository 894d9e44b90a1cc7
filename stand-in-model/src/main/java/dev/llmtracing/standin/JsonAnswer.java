package dev.llmtracing.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a message that asks for JSON following a JSON Schema, the way Spring AI's
 * structured output ({@code .entity(...)}, {@code BeanOutputConverter}) asks: a
 * {@code JSON Schema} followed by the schema between triple backticks. The answer is an
 * instance of the schema: each string says which property it is and quotes the start of
 * the message before the format instructions, numbers are the number of its words,
 * booleans are {@code true}, arrays hold one item and enums take their first value.
 *
 * @author llm-tracing
 */
final class JsonAnswer {

	private static final ObjectMapper mapper = JsonMapper.builder().build();

	private static final String SCHEMA_MARKER = "JSON Schema";

	private static final String INSTRUCTIONS = "Your response should be in JSON format";

	private static final String FENCE = "```";

	private static final int MAX_QUOTE = 40;

	private static final int MAX_DEPTH = 8;

	private JsonAnswer() {
	}

	/**
	 * Return the JSON answer to a message, if it asks for one.
	 * @param message the last user message
	 * @return the JSON text, or {@code null} if the message carries no JSON Schema
	 */
	static @Nullable String of(String message) {
		int marker = message.indexOf(SCHEMA_MARKER);
		int start = (marker >= 0) ? message.indexOf(FENCE, marker) : -1;
		int end = (start >= 0) ? message.indexOf(FENCE, start + FENCE.length()) : -1;
		if (end < 0) {
			return null;
		}
		String schemaText = message.substring(start + FENCE.length(), end);
		if (schemaText.startsWith("json")) {
			schemaText = schemaText.substring("json".length());
		}
		JsonNode schema;
		try {
			schema = mapper.readTree(schemaText);
		}
		catch (JacksonException ex) {
			return null;
		}
		int instructions = message.indexOf(INSTRUCTIONS);
		int questionEnd = (instructions >= 0 && instructions < marker) ? instructions : marker;
		String question = Directives.strip(message.substring(0, questionEnd)).replaceAll("\\s+", " ").trim();
		String quote = (question.length() <= MAX_QUOTE) ? question : question.substring(0, MAX_QUOTE) + "...";
		return mapper.writeValueAsString(instance(schema, "value", quote, StandInReply.words(question), 0));
	}

	private static @Nullable Object instance(JsonNode schema, String name, String quote, int words, int depth) {
		JsonNode values = schema.path("enum");
		if (values.isArray() && !values.isEmpty()) {
			return mapper.convertValue(values.get(0), Object.class);
		}
		if (depth > MAX_DEPTH) {
			return null;
		}
		return switch (type(schema)) {
			case "object" -> {
				Map<String, @Nullable Object> object = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
					object.put(property.getKey(),
							instance(property.getValue(), property.getKey(), quote, words, depth + 1));
				}
				yield object;
			}
			case "array" -> {
				List<@Nullable Object> array = new ArrayList<>();
				array.add(instance(schema.path("items"), name, quote, words, depth + 1));
				yield array;
			}
			case "integer", "number" -> words;
			case "boolean" -> true;
			case "null" -> null;
			default -> "Stand-in " + name + " for: " + quote;
		};
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode option : type) {
				if (!"null".equals(option.asString(""))) {
					return option.asString("");
				}
			}
			return "null";
		}
		if (type.isMissingNode() && schema.has("properties")) {
			return "object";
		}
		return type.asString("string");
	}

}
