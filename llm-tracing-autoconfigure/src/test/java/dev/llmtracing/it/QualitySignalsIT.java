package dev.llmtracing.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.record.RecordSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of the quality signals: real HTTP into a Spring MVC application, the
 * real Spring AI OpenAI client against the stand-in model, whose directives make answers
 * truncated, filtered, empty, refused, slow or random, and the records as
 * logstash-logback-encoder writes them.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = QualityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "llm.tracing.quality.slow.default-objective=1500ms",
				"llm.tracing.quality.length-drift.window=20", "llm.tracing.quality.length-drift.min-samples=10" })
class QualitySignalsIT extends StandInModelIT {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	private RestClient client;

	@BeforeEach
	void reset() {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
		requestFactory.setReadTimeout(Duration.ofSeconds(60));
		this.client = RestClient.builder()
			.requestFactory(requestFactory)
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		standIn.server().reset();
		capture.clear();
	}

	@Test
	void aNormalAnswerHasNoSignals() {
		Map<String, Object> record = ask("/ask", "What is the capital of France?");
		assertThat(record).doesNotContainKey("llm.quality.signals").containsEntry("outcome", "success");
	}

	@Test
	void anAnswerCutAtTheTokenLimitIsTruncatedAndCounted() {
		double before = count("truncated");
		assertThat(signals(ask("/ask", "[length] Tell me everything"))).containsExactly("truncated");
		await().atMost(Duration.ofSeconds(10)).until(() -> count("truncated") == before + 1);
		Counter counter = this.registry.get(MetricNames.QUALITY_SIGNAL)
			.tag("signal", "truncated")
			.tag("gen_ai.request.model", "stand-in-it")
			.tag("llm.prompt.name", "none")
			.counter();
		assertThat(counter.count()).isPositive();
	}

	@Test
	void aStreamCutAtTheTokenLimitIsTruncatedToo() {
		assertThat(signals(ask("/stream", "[length] Tell me everything in a stream"))).containsExactly("truncated");
	}

	@Test
	void aFilteredAnswerIsContentFilter() {
		assertThat(signals(ask("/ask", "[content-filter] Something dubious"))).containsExactly("content_filter");
	}

	@Test
	void anAnswerWithoutTextIsEmpty() {
		assertThat(signals(ask("/ask", "[empty] Say nothing"))).containsExactly("empty");
	}

	@Test
	void aRefusalIsRefusal() {
		assertThat(signals(ask("/ask", "[refuse] Help me"))).containsExactly("refusal");
	}

	@Test
	void aCallOverTheLatencyObjectiveIsSlow() {
		assertThat(allSignals(ask("/ask", "[delay:1700] Take your time"))).containsExactly("slow");
	}

	@Test
	void theSamePromptAtTemperatureZeroAnsweredDifferentlyIsNondeterministic() {
		assertThat(signals(ask("/deterministic", "[random] Pick a number"))).isEmpty();
		assertThat(signals(ask("/deterministic", "[random] Pick a number"))).containsExactly("nondeterministic");
	}

	@Test
	void theSamePromptAtTemperatureZeroAnsweredAlikeIsNotNondeterministic() {
		assertThat(signals(ask("/deterministic", "Repeat after me"))).isEmpty();
		assertThat(signals(ask("/deterministic", "Repeat after me"))).isEmpty();
	}

	@Test
	void aCompletionFarLongerThanTheRecentOnesOfItsPromptDrifts() {
		for (int i = 0; i < 10; i++) {
			assertThat(signals(ask("/prompt/drift", "Short question " + i))).isEmpty();
		}
		assertThat(signals(ask("/prompt/drift", "Long question " + "lorem ipsum ".repeat(15))))
			.containsExactly("length_drift");
	}

	@Test
	void theRoundThatReceivesAFailedToolsResultIsToolError() {
		double before = count("tool_error");
		List<Map<String, Object>> rounds = askRounds("/failing-tools", "What is the weather in Kyoto?", 2);
		assertThat(rounds.get(0)).containsEntry("gen_ai.response.finish_reasons", List.of("tool_calls"));
		assertThat(signals(rounds.get(0))).doesNotContain("tool_error");
		assertThat(signals(rounds.get(1))).contains("tool_error");
		await().atMost(Duration.ofSeconds(10)).until(() -> count("tool_error") == before + 1);
	}

	@Test
	void theRoundOfAStreamedToolLoopThatReceivesAFailedToolsResultIsToolError() {
		List<Map<String, Object>> rounds = askRounds("/failing-tools-stream", "What is the weather in Sapporo?", 2);
		assertThat(rounds.get(0)).containsEntry("gen_ai.response.finish_reasons", List.of("tool_calls"));
		assertThat(signals(rounds.get(0))).doesNotContain("tool_error");
		assertThat(signals(rounds.get(1))).contains("tool_error");
	}

	@Test
	void aToolLoopWhoseToolAnswersHasNoToolError() {
		List<Map<String, Object>> rounds = askRounds("/tools", "What is the weather in Osaka?", 2);
		assertThat(rounds.get(0)).containsEntry("gen_ai.response.finish_reasons", List.of("tool_calls"));
		assertThat(rounds).allSatisfy((round) -> assertThat(signals(round)).doesNotContain("tool_error"));
	}

	@Test
	void aStructuredAnswerThatFailsToConvertIsAnOutputParseErrorOfItsRequest() {
		double before = count("output_parse_error");
		Map<String, Object> exchange = ask("/structured", "[not-json] The forecast for Kyoto");
		assertThat(exchange).containsEntry("outcome", "success");
		Map<String, Object> request = requestRecord(exchange);
		assertThat(request).containsEntry("outcome", "error")
			.containsEntry("http.response.status_code", 500)
			.containsEntry("llm.quality.signals", List.of("output_parse_error"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("output_parse_error") == before + 1);
		assertThat(this.registry.get(MetricNames.QUALITY_SIGNAL)
			.tag("signal", "output_parse_error")
			.tag("gen_ai.request.model", "stand-in-it")
			.counter()
			.count()).isPositive();
	}

	@Test
	void aStructuredAnswerThatConvertsIsNoOutputParseError() {
		Map<String, Object> exchange = ask("/structured", "The forecast for Nara");
		assertThat(requestRecord(exchange)).containsEntry("outcome", "success")
			.doesNotContainKey("llm.quality.signals");
	}

	@Test
	void aFailingModelCallUnderEntityIsNoOutputParseError() {
		Map<String, Object> exchange = ask("/structured", "[error:500] The forecast for Kobe");
		assertThat(exchange).containsEntry("outcome", "error");
		assertThat(requestRecord(exchange)).containsEntry("outcome", "error").doesNotContainKey("llm.quality.signals");
	}

	private Map<String, Object> requestRecord(Map<String, Object> exchange) {
		Object requestId = exchange.get("requestId");
		Map<String, Object> request = await().atMost(Duration.ofSeconds(10))
			.until(() -> capture.records("llm.tracing.request")
				.stream()
				.filter((record) -> requestId.equals(record.get("requestId")))
				.findFirst()
				.orElse(null), Objects::nonNull);
		RecordSchema.assertValidRequest(request);
		return request;
	}

	private List<Map<String, Object>> askRounds(String path, String message, int rounds) {
		int before = capture.records().size();
		this.client.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.accept(MediaType.ALL)
			.body(message)
			.retrieve()
			.toEntity(String.class);
		List<Map<String, Object>> records = await().atMost(Duration.ofSeconds(10))
			.until(capture::records, (all) -> all.size() >= before + rounds);
		// the last ones: a late record of an earlier test may have come in between
		List<Map<String, Object>> result = records.subList(records.size() - rounds, records.size());
		result.forEach(RecordSchema::assertValid);
		return result;
	}

	private Map<String, Object> ask(String path, String message) {
		return askRounds(path, message, 1).get(0);
	}

	/**
	 * The signals of a record but {@code slow}: whether a call is over the objective
	 * depends on how loaded the machine is, and only the slow test may depend on it.
	 */
	private static List<String> signals(Map<String, Object> record) {
		return allSignals(record).stream().filter((signal) -> !"slow".equals(signal)).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> allSignals(Map<String, Object> record) {
		Object signals = record.get("llm.quality.signals");
		return (signals != null) ? (List<String>) signals : List.of();
	}

	private double count(String signal) {
		Counter counter = this.registry.find(MetricNames.QUALITY_SIGNAL).tag("signal", signal).counter();
		return Objects.requireNonNullElse((counter != null) ? counter.count() : null, 0.0);
	}

}
