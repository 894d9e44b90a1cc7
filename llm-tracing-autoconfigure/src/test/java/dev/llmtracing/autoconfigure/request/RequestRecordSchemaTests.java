package dev.llmtracing.autoconfigure.request;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.RecordSchema;
import dev.llmtracing.request.RequestActivity;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.request.RequestTotals;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that request records match the JSON Schema shipped in the jar, and that the
 * schema rejects what a record must never hold.
 *
 * @author llm-tracing
 */
class RequestRecordSchemaTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldMatchTheSchemaWithEveryField() {
		Map<String, Object> fields = RequestRecordFields.all(record(), MdcKeys.DEFAULT);
		RecordSchema.assertValidRequest(fields);
		assertThat(fields).containsEntry("requestId", "req-1")
			.containsEntry("http.route", "/chat/{id}")
			.containsEntry("durationMs", 120L)
			.containsEntry("timeToFirstByteMs", 45L)
			.containsEntry("breakdown", Map.of("model", 80L, "prompt-build", 30L, "other", 10L))
			.containsEntry("llm.request.model_calls", 2)
			.containsEntry("outcome", "success")
			.doesNotContainKey("activities");
	}

	@Test
	void shouldMatchTheSchemaWithoutOptionalFields() {
		RequestRecord record = new RequestRecord(new TracingIds("req-2", null, null), null, null, null, Instant.now(),
				0, List.of(), Map.of(), new RequestTotals(0, null, null, null, null), Outcome.ERROR, null);
		RecordSchema.assertValidRequest(RequestRecordFields.all(record, MdcKeys.DEFAULT));
		assertThat(RequestRecordFields.all(record, MdcKeys.DEFAULT)).doesNotContainKey("timeToFirstByteMs");
	}

	@Test
	void shouldMatchTheSchemaForAGrpcCallWithItsServiceAndMethod() {
		RequestRecord record = new RequestRecord(new TracingIds("req-3", null, null), null, null, null, Instant.now(),
				12, List.of(), Map.of("other", 12L), new RequestTotals(0, null, null, null, null), Outcome.ERROR,
				"UNAVAILABLE", null, List.of(), null, List.of(), "llmtracing.sample.ChatService/Chat");
		Map<String, Object> fields = RequestRecordFields.all(record, MdcKeys.DEFAULT);
		RecordSchema.assertValidRequest(fields);
		assertThat(fields).containsEntry("rpc.service", "llmtracing.sample.ChatService")
			.containsEntry("rpc.method", "Chat")
			.containsEntry("error.type", "UNAVAILABLE")
			.doesNotContainKeys("http.route", "http.response.status_code");
	}

	@Test
	void shouldRejectNegativePartsAndInvalidPartNames() {
		Map<String, Object> fields = new LinkedHashMap<>(RequestRecordFields.all(record(), MdcKeys.DEFAULT));
		fields.put("breakdown", Map.of("model", -1));
		assertThat(RecordSchema.requestErrors(mapper.writeValueAsString(fields))).isNotEmpty();
		fields.put("breakdown", Map.of("Prompt Build", 1));
		assertThat(RecordSchema.requestErrors(mapper.writeValueAsString(fields))).isNotEmpty();
		fields.remove("breakdown");
		assertThat(RecordSchema.requestErrors(mapper.writeValueAsString(fields))).isNotEmpty();
	}

	@Test
	void documentedSchemaIsTheShippedOne() throws IOException {
		String shipped = new ClassPathResource(RecordSchema.REQUEST_LOCATION.substring(1))
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Files.readString(Path.of("../docs/request-record.schema.json"))).isEqualTo(shipped);
	}

	private static RequestRecord record() {
		Map<String, Long> breakdown = new LinkedHashMap<>();
		breakdown.put("model", 80L);
		breakdown.put("prompt-build", 30L);
		breakdown.put("other", 10L);
		return new RequestRecord(new TracingIds("req-1", "ctx-1", "alice"), "4bf92f3577b34da6a3ce929d0e0e4736",
				"/chat/{id}", 200, Instant.parse("2026-12-01T10:00:00.123Z"), 120,
				List.of("0b7c3c1e-2f7a-4b8e-9a39-1c2d3e4f5a6b", "1b7c3c1e-2f7a-4b8e-9a39-1c2d3e4f5a6b"), breakdown,
				new RequestTotals(2, 40L, 12L, new BigDecimal("0.0012"), "USD"), Outcome.SUCCESS, null, 45L, List.of(),
				null,
				List.of(new RequestActivity("stage", "prompt-build", Duration.ofMillis(2), Duration.ofMillis(8))));
	}

}
