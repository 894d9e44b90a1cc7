package dev.llmtracing.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of feedback: real HTTP into a Spring MVC application with the feedback
 * endpoint on, the real Spring AI OpenAI client against the stand-in model, the records
 * as logstash-logback-encoder writes them, the meters in the application's registry and
 * the spans as the OpenTelemetry SDK exports them.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = { QualityTestApplication.class, StreamTraceIT.SpanCollection.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "llm.tracing.feedback.endpoint.enabled=true", "llm.tracing.feedback.max-value=5",
				"llm.tracing.feedback.labels=up,down", "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms" })
class FeedbackIT extends StandInModelIT {

	private static final String FEEDBACK_LOGGER = "llm.tracing.feedback";

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private StreamTraceIT.CollectedSpans spans;

	private RestClient client;

	@BeforeEach
	void reset() {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		standIn.server().reset();
		capture.clear();
		this.spans.clear();
	}

	@Test
	void feedbackOnTheEchoedExchangeIdIsLinkedCountedAndInTheRatedTrace() {
		ResponseEntity<String> answer = ask("/ask", "hello", "req-fb-exchange");
		String exchangeId = answer.getHeaders().getFirst("X-Exchange-Id");
		Map<String, Object> exchange = awaitExchange(exchangeId);
		assertThat(exchange).containsEntry("requestId", "req-fb-exchange");
		ResponseEntity<String> accepted = feedback(
				Map.of("exchangeId", exchangeId, "name", "thumbs", "value", 1, "label", "up", "comment", "nice"));
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> record = awaitFeedback((candidate) -> exchangeId.equals(candidate.get("exchangeId")));
		assertThat(record).containsEntry("llm.feedback.linked", true)
			.containsEntry("requestId", "req-fb-exchange")
			.containsEntry("gen_ai.evaluation.name", "thumbs")
			.containsEntry("gen_ai.evaluation.score.value", 1.0)
			.containsEntry("gen_ai.evaluation.score.label", "up")
			.containsEntry("gen_ai.request.model", "stand-in-it")
			.containsEntry("gen_ai.provider.name", "openai")
			.containsEntry("gen_ai.response.id", exchange.get("gen_ai.response.id"))
			.containsEntry("traceId", exchange.get("traceId"))
			.doesNotContainKey("llm.feedback.comment");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registry.find(MetricNames.FEEDBACK)
				.tags("name", "thumbs", "label", "up", "gen_ai.request.model", "stand-in-it")
				.counter() != null);
		assertThat(this.registry.get(MetricNames.FEEDBACK_SCORE)
			.tags("name", "thumbs", "gen_ai.request.model", "stand-in-it")
			.summary()
			.max()).isEqualTo(1.0);
		SpanData evaluation = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.spans.find((span) -> span.getName().equals("evaluation thumbs")),
					java.util.Objects::nonNull);
		assertThat(evaluation.getTraceId()).isEqualTo(exchange.get("traceId"));
		assertThat(evaluation.getParentSpanId()).isEqualTo(exchange.get("spanId"));
		assertThat(evaluation.getLinks())
			.anySatisfy((link) -> assertThat(link.getSpanContext().getSpanId()).isEqualTo(exchange.get("spanId")));
		assertThat(evaluation.getEvents())
			.anySatisfy((event) -> assertThat(event.getName()).isEqualTo("gen_ai.evaluation.result"));
		assertThat(evaluation.getAttributes().get(AttributeKey.doubleKey("gen_ai.evaluation.score.value")))
			.isEqualTo(1.0);
		assertThat(evaluation.getAttributes().get(AttributeKey.stringKey("gen_ai.response.id")))
			.isEqualTo(exchange.get("gen_ai.response.id"));
	}

	@Test
	void feedbackOnARequestIdIsLinkedToItsLastExchange() {
		ResponseEntity<String> answer = ask("/ask-twice", "hello", "req-fb-request");
		List<Map<String, Object>> exchanges = await().atMost(Duration.ofSeconds(10))
			.until(() -> capture.records()
				.stream()
				.filter((record) -> "req-fb-request".equals(record.get("requestId")))
				.toList(), (found) -> found.size() == 2);
		assertThat(answer.getHeaders().getFirst("X-Exchange-Id")).isEqualTo(exchanges.get(1).get("exchangeId"));
		assertThat(
				feedback(Map.of("requestId", "req-fb-request", "name", "rating", "value", 4)).getStatusCode().value())
			.isEqualTo(202);
		Map<String, Object> record = awaitFeedback((candidate) -> "req-fb-request".equals(candidate.get("requestId")));
		assertThat(record).containsEntry("llm.feedback.linked", true)
			.containsEntry("exchangeId", exchanges.get(1).get("exchangeId"))
			.containsEntry("gen_ai.request.model", "stand-in-it");
	}

	@Test
	void feedbackOnAnExchangeOrRequestNotInTheIndexIsRecordedUnlinked() {
		assertThat(feedback(Map.of("exchangeId", "ex-from-another-instance", "name", "thumbs", "value", -1))
			.getStatusCode()
			.value()).isEqualTo(202);
		assertThat(feedback(Map.of("requestId", "req-from-another-instance", "name", "thumbs", "label", "down"))
			.getStatusCode()
			.value()).isEqualTo(202);
		Map<String, Object> byExchange = awaitFeedback(
				(candidate) -> "ex-from-another-instance".equals(candidate.get("exchangeId")));
		assertThat(byExchange).containsEntry("llm.feedback.linked", false)
			.doesNotContainKeys("gen_ai.request.model", "traceId");
		Map<String, Object> byRequest = awaitFeedback(
				(candidate) -> "req-from-another-instance".equals(candidate.get("requestId")));
		assertThat(byRequest).containsEntry("llm.feedback.linked", false).doesNotContainKey("exchangeId");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registry.find(MetricNames.FEEDBACK)
				.tags("name", "thumbs", "label", "down", "gen_ai.request.model", "unknown", "llm.prompt.name", "none")
				.counter() != null);
	}

	@Test
	void badInputGetsAProblemDetailNamingTheFieldAndIsNeverLogged() {
		assertRejected("{\"exchangeId\":\"e-1\",\"name\":\"thumbs\",\"value\":1,\"secret\":\"BAD-MARK-1\"}", "secret");
		assertRejected("{\"exchangeId\":\"e-1\",\"name\":\"thumbs\",\"value\":7}", "value");
		assertRejected("{\"exchangeId\":\"e-1\",\"name\":\"thumbs\",\"value\":\"BAD-MARK-2\"}", "value");
		assertRejected("{\"exchangeId\":\"e-1\",\"name\":\"thumbs\",\"label\":\"BAD-MARK-3\"}", "label");
		assertRejected("{\"exchangeId\":\"BAD MARK 4\\r\\nX-Injected: 1\",\"name\":\"thumbs\",\"value\":1}",
				"exchangeId");
		assertRejected("{\"requestId\":\"BAD-MARK-5" + "x".repeat(200) + "\",\"name\":\"thumbs\",\"value\":1}",
				"requestId");
		assertRejected("{\"name\":\"thumbs\",\"value\":1}", "exchangeId");
		assertRejected("{\"exchangeId\":\"e-1\",\"value\":1}", "name");
		assertRejected("{\"exchangeId\":\"e-1\",\"name\":\"BAD MARK 6\",\"value\":1}", "name");
		assertRejected("{\"exchangeId\":\"e-1\",\"name\":\"thumbs\"}", "value");
		assertRejected("{\"exchangeId\":\"e-1\",\"name\":\"thumbs\",\"value\":1,\"comment\":\""
				+ "BAD-MARK-7 ".repeat(400) + "\"}", "body");
		assertRejected("BAD-MARK-8 not json", "body");
		assertRejected("[1, 2]", "body");
		assertThat(capture.renderedLines()).noneMatch((line) -> line.contains("BAD-MARK") || line.contains("BAD MARK"));
		assertThat(capture.records(FEEDBACK_LOGGER)).isEmpty();
	}

	private void assertRejected(String body, String field) {
		ResponseEntity<String> response = this.client.post()
			.uri("/llm-tracing/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		Map<?, ?> problem = JsonMapper.builder().build().readValue(response.getBody(), Map.class);
		assertThat(problem.get("field")).as(body).isEqualTo(field);
		assertThat(problem.get("status")).isEqualTo(400);
		assertThat(response.getBody()).doesNotContain("BAD-MARK", "BAD MARK");
	}

	private ResponseEntity<String> ask(String path, String message, String requestId) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.header("X-Request-Id", requestId)
			.accept(MediaType.ALL)
			.body(message)
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> feedback(Map<String, Object> body) {
		return this.client.post()
			.uri("/llm-tracing/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.body(JsonMapper.builder().build().writeValueAsString(body))
			.retrieve()
			.toEntity(String.class);
	}

	private static Map<String, Object> awaitExchange(String exchangeId) {
		assertThat(exchangeId).isNotBlank();
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> capture.records()
				.stream()
				.filter((record) -> exchangeId.equals(record.get("exchangeId")))
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
	}

	private static Map<String, Object> awaitFeedback(java.util.function.Predicate<Map<String, Object>> condition) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> capture.records(FEEDBACK_LOGGER).stream().filter(condition).findFirst().orElse(null),
					java.util.Objects::nonNull);
	}

}
