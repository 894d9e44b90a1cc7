package dev.llmtracing.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.record.RecordSchema;
import dev.llmtracing.redact.Redactor;
import dev.llmtracing.replay.ExchangeReplayer;
import dev.llmtracing.replay.ReplayReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end content capture in {@code full} mode: real prompts over real HTTP through
 * the real OpenAI client, masked by the built-in detectors, a user pattern and a user
 * {@link Redactor} bean, capped in size, and valid against the schema.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = { CaptureTestApplication.class, ContentCaptureIT.NameRedactor.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "llm.tracing.content.mode=full", "llm.tracing.content.max-field-length=500",
				"llm.tracing.content.masking.patterns[0].regex=EMP-[0-9]{6}",
				"llm.tracing.content.masking.patterns[0].placeholder=[EMPLOYEE_ID]", "llm.tracing.audit.enabled=true",
				"llm.tracing.audit.file=target/content-it-audit.jsonl",
				"management.endpoints.web.exposure.include=health,llmreplay" })
class ContentCaptureIT extends StandInModelIT {

	@LocalServerPort
	private int port;

	@Autowired
	private ChatModel chatModel;

	@BeforeEach
	void clear() {
		capture.clear();
	}

	@Test
	void promptAndCompletionAreMaskedInTheRecord() {
		String prompt = "I am Alice Example, EMP-123456, card 4111 1111 1111 1111, mail alice@example.com";
		post("/call", prompt);
		Map<String, Object> record = awaitRecord();
		String json = JsonMapper.builder().build().writeValueAsString(record);
		assertThat(json).contains("[EMPLOYEE_ID]", "[CARD]", "[EMAIL]", "[NAME]")
			.doesNotContain("EMP-123456", "4111 1111", "alice@example.com", "Alice Example");
		assertThat(record).containsEntry("llm.content.mode", "full");
		assertThat(json).contains("\"role\":\"user\"", "\"role\":\"assistant\"", "\"finish_reason\":\"stop\"");
		RecordSchema.assertValid(json);
	}

	@Test
	void hugePromptStaysUnderTheLogShipperLineLimit() {
		post("/call", "Please summarise: " + "lorem ipsum dolor sit amet ".repeat(40_000));
		Map<String, Object> record = awaitRecord();
		List<String> lines = capture.renderedLines()
			.stream()
			.filter((line) -> line.contains("llm.tracing.exchange"))
			.toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0).getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
		assertThat(record).containsEntry("llm.content.truncated", true);
		RecordSchema.assertValid(lines.get(0));
	}

	@Test
	void recordedCallReplaysToTheSameCompletionAndIsMarkedAsReplay() {
		post("/call", "Replay me please");
		Map<String, Object> original = awaitRecord();
		capture.clear();
		ReplayReport report = new ExchangeReplayer().replay(original, this.chatModel, null, false);
		assertThat(report.identical()).as(report.toString()).isTrue();
		assertThat(report.replayCompletion()).isEqualTo("Stand-in reply to: Replay me please");
		assertThat(report.replayInputTokens()).isEqualTo(report.originalInputTokens());
		assertThat(report.replayOutputTokens()).isEqualTo(report.originalOutputTokens());
		assertThat(report.replayFinishReason()).isEqualTo(report.originalFinishReason()).isEqualTo("stop");
		assertThat(awaitRecord()).containsEntry("llm.replay.of", original.get("exchangeId"));
	}

	@Test
	void recordedStreamReplaysAsAStream() {
		post("/stream", "Stream and replay");
		Map<String, Object> original = awaitRecord();
		capture.clear();
		ReplayReport report = new ExchangeReplayer().replay(original, this.chatModel, null, true);
		assertThat(report.stream()).isTrue();
		assertThat(report.identical()).as(report.toString()).isTrue();
		assertThat(awaitRecord()).containsEntry("llm.replay.of", original.get("exchangeId"))
			.containsEntry("gen_ai.request.stream", true);
	}

	@Test
	void replayAgainstAnotherModelReportsTheDifference() {
		post("/call", "Compare models");
		Map<String, Object> original = awaitRecord();
		capture.clear();
		ReplayReport report = new ExchangeReplayer().replay(original, this.chatModel, "stand-in-large", false);
		assertThat(report.identical()).isFalse();
		assertThat(report.originalModel()).isEqualTo("stand-in-it");
		assertThat(report.replayModel()).isEqualTo("stand-in-large");
		assertThat(report.replayCompletion()).isEqualTo("Stand-in large reply to: Compare models");
		assertThat(awaitRecord()).containsEntry("gen_ai.request.model", "stand-in-large");
	}

	@Test
	void toolCallingRoundsReplayWithTheRecordedToolsAndResults() {
		post("/tools", "What time is it in Osaka?");
		await().atMost(Duration.ofSeconds(10)).until(() -> capture.records().size() == 2);
		List<Map<String, Object>> rounds = capture.records();
		rounds.forEach(RecordSchema::assertValid);
		assertThat(rounds.get(0)).containsKey("gen_ai.tool.definitions");
		assertThat(String.valueOf(rounds.get(0).get("gen_ai.tool.definitions"))).contains("timeIn");
		capture.clear();
		ReplayReport first = new ExchangeReplayer().replay(rounds.get(0), this.chatModel, null, false);
		assertThat(first.replayFinishReason()).isEqualTo("tool_calls").isEqualTo(first.originalFinishReason());
		assertThat(first.notReplayed()).isEmpty();
		ReplayReport second = new ExchangeReplayer().replay(rounds.get(1), this.chatModel, null, false);
		assertThat(second.identical()).as(second.toString()).isTrue();
		assertThat(second.replayCompletion()).contains("12:00 in Osaka");
	}

	@Test
	void actuatorEndpointReplaysAnExchangeFromTheAuditTrail() {
		post("/call", "Replay through Actuator");
		String exchangeId = (String) awaitRecord().get("exchangeId");
		awaitAudited(exchangeId);
		Map<String, Object> report = replayThroughActuator(exchangeId);
		assertThat(report).containsEntry("originalExchangeId", exchangeId).containsEntry("identical", true);
		Map<String, Object> refused = replayThroughActuator("00000000-0000-4000-8000-000000000000");
		assertThat(refused).containsEntry("replayed", false);
		assertThat((String) refused.get("reason")).contains("No record of exchange");
	}

	@Test
	void actuatorEndpointReportsAReplayWhoseModelCallFails() {
		RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/call")
			.contentType(MediaType.TEXT_PLAIN)
			.body("Fail again [error:503]")
			.exchange((request, response) -> response.getStatusCode());
		Map<String, Object> failed = awaitRecord();
		assertThat(failed).containsEntry("outcome", "error");
		String exchangeId = (String) failed.get("exchangeId");
		awaitAudited(exchangeId);
		Map<String, Object> report = replayThroughActuator(exchangeId);
		assertThat(report).containsEntry("exchangeId", exchangeId)
			.containsEntry("replayed", false)
			.containsEntry("outcome", "error")
			.containsEntry("errorType", failed.get("error.type"));
		assertThat((String) report.get("errorMessage")).contains("stand-in error 503");
		assertThat((String) report.get("reason")).startsWith("The replayed model call failed: ");
	}

	private static void awaitAudited(String exchangeId) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> java.nio.file.Files.readString(java.nio.file.Path.of("target/content-it-audit.jsonl"))
				.contains(exchangeId));
	}

	private Map<String, Object> replayThroughActuator(String exchangeId) {
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/actuator/llmreplay")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("exchangeId", exchangeId))
			.retrieve()
			.body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

	private void post(String path, String body) {
		RestClient.create("http://localhost:" + this.port)
			.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	private static Map<String, Object> awaitRecord() {
		await().atMost(Duration.ofSeconds(10)).until(() -> capture.records().size() == 1);
		Map<String, Object> record = capture.records().get(0);
		RecordSchema.assertValid(record);
		return record;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class NameRedactor {

		@Bean
		Redactor nameDictionary() {
			return (text) -> text.replace("Alice Example", "[NAME]");
		}

	}

}
