package dev.llmtracing.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates records against the JSON Schema shipped in the jar.
 *
 * @author llm-tracing
 */
public final class RecordSchema {

	/**
	 * Where the schema is in the jar.
	 */
	public static final String LOCATION = "/META-INF/llm-tracing/exchange-record.schema.json";

	/**
	 * Where the request record's schema is in the jar.
	 */
	public static final String REQUEST_LOCATION = "/META-INF/llm-tracing/request-record.schema.json";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Schema schema = load(LOCATION);

	private static final Schema requestSchema = load(REQUEST_LOCATION);

	private RecordSchema() {
	}

	/**
	 * Assert that a record, as JSON text, is valid.
	 * @param json the JSON text of the record
	 */
	public static void assertValid(String json) {
		JsonNode node = mapper.readTree(json);
		List<Error> errors = schema.validate(node);
		assertThat(errors).as("schema errors of %s", json).isEmpty();
	}

	/**
	 * Assert that a record, as a map of fields, is valid.
	 * @param record the fields of the record
	 */
	public static void assertValid(Map<String, Object> record) {
		assertValid(mapper.writeValueAsString(record));
	}

	/**
	 * Return the errors of a record, for tests that expect some.
	 * @param json the JSON text of the record
	 * @return the errors
	 */
	public static List<Error> errors(String json) {
		return schema.validate(mapper.readTree(json));
	}

	/**
	 * Return the errors of a request record against the request record's schema.
	 * @param json the JSON text of the record
	 * @return the errors
	 */
	public static List<Error> requestErrors(String json) {
		return requestSchema.validate(mapper.readTree(json));
	}

	/**
	 * Assert that a request record, as a map of fields, is valid.
	 * @param record the fields of the record
	 */
	public static void assertValidRequest(Map<String, Object> record) {
		String json = mapper.writeValueAsString(record);
		assertThat(requestErrors(json)).as("schema errors of %s", json).isEmpty();
	}

	private static Schema load(String location) {
		try (InputStream in = RecordSchema.class.getResourceAsStream(location)) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
