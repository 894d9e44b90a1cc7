package dev.llmtracing.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.llmtracing.testsupport.StandInModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end test of the record lines in an application whose console is Spring Boot's
 * structured logging (ECS), as most users configure it: the records go to the encoder
 * already rendered (the starter says so at DEBUG) and come out as the same nested JSON,
 * with the caller's IDs, over real HTTP to the stand-in model.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = CaptureTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=ecs", "logging.level.dev.llmtracing.record=debug" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIT {

	@RegisterExtension
	static final StandInModel standIn = new StandInModel(Duration.ofMillis(20));

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void modelProperties(DynamicPropertyRegistry registry) {
		StandInModelIT.openAiProperties(registry::add, () -> standIn.server().getBaseUrl());
	}

	@Test
	@SuppressWarnings("unchecked")
	void callGivesNestedRecordLinesWrittenTheShortWay(CapturedOutput output) {
		String requestId = "structured-" + UUID.randomUUID();
		String answer = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/call")
			.contentType(MediaType.TEXT_PLAIN)
			.header("X-Request-Id", requestId)
			.header("X-User-Id", "user-7")
			.body("Hello")
			.retrieve()
			.body(String.class);
		assertThat(answer).isNotBlank();
		Map<String, Object> exchange = await().atMost(Duration.ofSeconds(10))
			.until(() -> line(output, "llm.tracing.exchange", requestId), (line) -> line != null);
		Map<String, Object> request = await().atMost(Duration.ofSeconds(10))
			.until(() -> line(output, "llm.tracing.request", requestId), (line) -> line != null);
		assertThat(output.getOut()).contains(
				"Records on 'llm.tracing.exchange' go to Spring Boot's structured logging already rendered (GROUPED)",
				"Records on 'llm.tracing.request' go to Spring Boot's structured logging already rendered (GROUPED)");
		assertThat(exchange).containsEntry("userId", "user-7")
			.containsEntry("outcome", "success")
			.containsKeys("exchangeId", "durationMs", "startTime");
		Map<String, Object> genAi = (Map<String, Object>) exchange.get("gen_ai");
		assertThat((Map<String, Object>) genAi.get("request")).containsEntry("model", "stand-in-it")
			.containsEntry("temperature", 0.4);
		assertThat((Map<String, Object>) genAi.get("usage")).containsKeys("input_tokens", "output_tokens");
		assertThat(request).containsEntry("userId", "user-7")
			.containsEntry("exchangeIds", List.of(exchange.get("exchangeId")))
			.containsEntry("http", Map.of("route", "/call", "response", Map.of("status_code", 200)));
		assertThat(request.get("message")).asString().startsWith("request /call success in ");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> line(CapturedOutput output, String loggerName, String requestId) {
		for (String line : output.getOut().split("\n")) {
			if (line.startsWith("{") && line.contains("\"logger\":\"" + loggerName + "\"")
					&& line.contains("\"requestId\":\"" + requestId + "\"")) {
				return JsonMapper.builder().build().readValue(line, Map.class);
			}
		}
		return null;
	}

}
