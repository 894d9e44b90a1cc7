package dev.llmtracing.standin;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call of a tool offered in the request, with arguments made up from the tool's JSON
 * schema: {@code "Tokyo"} for each required string, {@code 1} for each required number.
 *
 * @param id the tool call ID
 * @param name the function name
 * @param arguments the arguments, as a JSON string
 * @author llm-tracing
 */
public record ToolCall(String id, String name, String arguments) {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	static ToolCall forTool(JsonNode function, String completionId) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		JsonNode parameters = function.path("parameters");
		for (JsonNode required : parameters.path("required")) {
			String name = required.asString();
			String type = parameters.path("properties").path(name).path("type").asString("string");
			arguments.put(name, ("number".equals(type) || "integer".equals(type)) ? 1 : "Tokyo");
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
