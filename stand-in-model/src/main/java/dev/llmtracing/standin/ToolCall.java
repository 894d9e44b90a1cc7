package dev.llmtracing.standin;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call of a tool offered in the request, with arguments made up from the tool's JSON
 * schema and the user's message: for each required string the last capitalized words of
 * the message ({@code "Weather in Kyoto?"} gives {@code "Kyoto"}), or {@code "Tokyo"} if
 * it has none; {@code 1} for each required number.
 *
 * @param id the tool call ID
 * @param name the function name
 * @param arguments the arguments, as a JSON string
 * @author llm-tracing
 */
public record ToolCall(String id, String name, String arguments) {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final String NO_NAME = "Tokyo";

	static ToolCall forTool(JsonNode function, String userText, String completionId) {
		String name = ProperNouns.last(userText);
		Object text = (name != null) ? name : NO_NAME;
		Map<String, Object> arguments = new LinkedHashMap<>();
		JsonNode parameters = function.path("parameters");
		for (JsonNode required : parameters.path("required")) {
			String argument = required.asString();
			String type = parameters.path("properties").path(argument).path("type").asString("string");
			arguments.put(argument, ("number".equals(type) || "integer".equals(type)) ? 1 : text);
		}
		return new ToolCall("call_" + completionId, function.path("name").asString("tool"),
				mapper.writeValueAsString(arguments));
	}

	Map<String, Object> toMap(boolean streamed) {
		Map<String, Object> call = new LinkedHashMap<>();
		if (streamed) {
			call.put("index", 0);
		}
		call.put("id", this.id);
		call.put("type", "function");
		call.put("function", Map.of("name", this.name, "arguments", this.arguments));
		return call;
	}

}
