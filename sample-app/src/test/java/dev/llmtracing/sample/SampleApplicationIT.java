package dev.llmtracing.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.sample.support.SampleApp;
import dev.llmtracing.sample.support.ServerSentEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample application as a newcomer would, with its built-in stand-in model, and
 * checks what they are told to look at: the echoed request ID, the JSON exchange records
 * in the log file, and the Actuator endpoints.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.log.json-file=target/sample-app-it.json")
class SampleApplicationIT {

	private static final com.networknt.schema.Schema SCHEMA = com.networknt.schema.SchemaRegistry
		.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
		.getSchema(SampleApplicationIT.class.getResourceAsStream("/META-INF/llm-tracing/exchange-record.schema.json"));

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Path jsonLog = SampleApp.freshLog(Path.of("target/sample-app-it.json"));

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleApp.standInOnFreePort(registry);
	}

	@Test
	void chatEndpointsWriteOneJsonRecordPerModelCall() throws IOException {
		RestClient client = SampleApp.client(this.port);
		ResponseEntity<String> chat = SampleApp.post(client, "/chat", "Hello sample", "sample-req-1", "sample-ctx-1",
				null);
		assertThat(chat.getBody()).isEqualTo("Stand-in reply to: Hello sample");
		assertThat(chat.getHeaders().getFirst("X-Request-Id")).isEqualTo("sample-req-1");
		assertThat(SampleApp.post(client, "/chat/stream", "Stream it", "sample-req-2", null, null).getBody())
			.contains("Stream");
		SampleApp.post(client, "/conversation", "My name is Ada", "sample-req-3", "sample-ctx-9", null);
		SampleApp.post(client, "/conversation", "What is my name?", "sample-req-4", "sample-ctx-9", null);
		SampleApp.post(client, "/tools", "Weather in Kyoto?", "sample-req-5", null, null);
		SampleApp.post(client, "/direct", "Direct", "sample-req-6", null, null);

		List<Map<String, Object>> records = awaitRecords(7);
		Map<String, Object> first = byRequest(records, "sample-req-1").get(0);
		assertThat(first).containsEntry("contextId", "sample-ctx-1")
			.containsEntry("gen_ai.request.model", "stand-in-small")
			.containsEntry("gen_ai.request.temperature", 0.2)
			.containsEntry("llm.prompt.name", "sample-chat")
			.containsEntry("llm.prompt.version", "v1")
			.containsEntry("outcome", "success")
			.containsKeys("exchangeId", "traceId", "gen_ai.usage.input_tokens", "durationMs");
		assertThat(byRequest(records, "sample-req-2").get(0)).containsEntry("gen_ai.request.stream", true);
		Map<String, Object> firstTurn = byRequest(records, "sample-req-3").get(0);
		Map<String, Object> secondTurn = byRequest(records, "sample-req-4").get(0);
		assertThat(secondTurn).containsEntry("gen_ai.conversation.id", "sample-ctx-9");
		assertThat((Integer) secondTurn.get("gen_ai.usage.input_tokens"))
			.isGreaterThan((Integer) firstTurn.get("gen_ai.usage.input_tokens"));
		assertThat(byRequest(records, "sample-req-5")).hasSize(2);
		assertThat(byRequest(records, "sample-req-6")).hasSize(1);
	}

	@Test
	void streamedEventsJoinBackIntoTheAnswerAsAnEventSourceReadsThem() {
		String message = "Stream it\nline two,  two spaces";
		String body = SampleApp.client(this.port)
			.post()
			.uri("/chat/stream")
			.contentType(MediaType.TEXT_PLAIN)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.body(message)
			.retrieve()
			.body(String.class);
		List<String> chunks = ServerSentEvents.data(body);
		assertThat(chunks).hasSizeGreaterThan(3);
		assertThat(String.join("", chunks)).isEqualTo("Stand-in reply to: " + message);
	}

	@Test
	void toolAndConversationAnswersReflectThePrompt() {
		RestClient client = SampleApp.client(this.port);
		assertThat(SampleApp.post(client, "/tools", "Weather in Kyoto?", "sample-req-7", null, null).getBody())
			.contains("Kyoto")
			.doesNotContain("Tokyo");
		SampleApp.post(client, "/conversation", "My name is Ada", "sample-req-8", "sample-ctx-10", null);
		assertThat(
				SampleApp.post(client, "/conversation", "Who am I?", "sample-req-9", "sample-ctx-10", null).getBody())
			.isEqualTo(
					"Stand-in reply to: Who am I? (4 messages in context; the first from the user: \"My name is Ada\")");
	}

	@Test
	void actuatorShowsHealthAndPrometheusMetrics() {
		RestClient client = SampleApp.client(this.port);
		SampleApp.post(client, "/chat", "Count me", "sample-req-metrics", null, null);
		assertThat(client.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"UP\"");
		String scrape = client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).contains("gen_ai_client_operation_seconds_count")
			.contains("gen_ai_request_model=\"stand-in-small\"")
			.doesNotContain("sample-req-metrics");
	}

	private static List<Map<String, Object>> byRequest(List<Map<String, Object>> records, String requestId) {
		return records.stream().filter((record) -> requestId.equals(record.get("requestId"))).toList();
	}

	private static List<Map<String, Object>> awaitRecords(int count) throws IOException {
		await().atMost(Duration.ofSeconds(10)).until(() -> readRecords().size() >= count);
		return readRecords();
	}

	private static List<Map<String, Object>> readRecords() throws IOException {
		return SampleApp.exchangeRecords(jsonLog, (line) -> {
			List<com.networknt.schema.Error> errors = SCHEMA.validate(MAPPER.readTree(line));
			assertThat(errors).as("schema errors of %s", line).isEmpty();
		});
	}

}
