package dev.llmtracing.autoconfigure.quality;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that an answer is JSON valid against a JSON Schema (draft 2020-12), with
 * networknt's {@code json-schema-validator}, which must be on the class path. Code fences
 * around the JSON (```json ... ```) are ignored, as Spring AI's structured output does.
 *
 * @author llm-tracing
 */
final class JsonSchemaCheck {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final int MAX_ERRORS = 5;

	private final Schema schema;

	/**
	 * Create a check.
	 * @param schema the JSON Schema, as JSON text
	 * @throws IllegalArgumentException if the schema is not JSON
	 */
	JsonSchemaCheck(String schema) {
		try {
			this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(mapper.readTree(schema));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the JSON Schema is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Return how an answer fails the schema.
	 * @param answer the answer
	 * @return the failures, empty when it is valid
	 */
	List<String> failures(String answer) {
		JsonNode node;
		try {
			node = mapper.readTree(unfenced(answer));
		}
		catch (JacksonException ex) {
			return List.of("json-schema: the answer is not JSON");
		}
		List<String> failures = new ArrayList<>();
		for (Error error : this.schema.validate(node)) {
			if (failures.size() == MAX_ERRORS) {
				break;
			}
			failures.add("json-schema: " + error.getMessage());
		}
		return failures;
	}

	private static String unfenced(String answer) {
		String text = answer.strip();
		if (text.startsWith("```")) {
			int start = text.indexOf('\n');
			int end = text.lastIndexOf("```");
			if (start > 0 && end > start) {
				return text.substring(start + 1, end);
			}
		}
		return text;
	}

}
