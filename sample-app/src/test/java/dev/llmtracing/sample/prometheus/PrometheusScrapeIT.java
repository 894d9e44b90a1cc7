package dev.llmtracing.sample.prometheus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.llmtracing.sample.support.SampleApp;
import dev.llmtracing.standin.StandInModelServer;
import dev.llmtracing.standin.StandInReply;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scrapes the running sample app while traffic (calls, streams, errors,
 * truncated answers, a conversation) goes through the real Spring AI client to the
 * stand-in model; PromQL over Prometheus' HTTP API then has to give back what was sent.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.log.json-file=target/prometheus-it.json", "sample.stand-in.latency=50ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusScrapeIT {

	private static final int CALLS = 12;

	private static final int STREAMS = 4;

	private static final int ERRORS = 3;

	private static final int TRUNCATED = 2;

	private static final int CONVERSATION_TURNS = 2;

	/**
	 * Refused answers, sent in two groups a few scrapes apart so that Prometheus sees the
	 * refusal counter rise: enough of them for the refusal alert.
	 */
	private static final int REFUSALS = 4;

	private static final int MODEL_CALLS = CALLS + STREAMS + ERRORS + TRUNCATED + CONVERSATION_TURNS + REFUSALS;

	private static final Path jsonLog = SampleApp.freshLog(Path.of("target/prometheus-it.json"));

	@LocalServerPort
	private int port;

	@Autowired
	private StandInModelServer model;

	@Autowired
	private MeterRegistry meterRegistry;

	private PrometheusServer prometheus;

	private final List<String> sentIds = new ArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleApp.standInOnFreePort(registry);
	}

	@BeforeAll
	void startPrometheusAndDriveTraffic() throws IOException {
		this.prometheus = PrometheusServer.start(this.port, List.of(Path.of("observability/alert-rules.yml")));
		RestClient client = SampleApp.client(this.port);
		for (int i = 0; i < CALLS; i++) {
			send(client, "/chat", "Question number " + i, i);
		}
		for (int i = 0; i < STREAMS; i++) {
			send(client, "/chat/stream", "Stream number " + i, 100 + i);
		}
		for (int i = 0; i < ERRORS; i++) {
			try {
				send(client, "/chat", "Fail [error:500]", 200 + i);
			}
			catch (RuntimeException expected) {
				// The model's error reaches the client as HTTP 500
			}
		}
		for (int i = 0; i < TRUNCATED; i++) {
			send(client, "/chat", "Long answer [length]", 300 + i);
		}
		for (int i = 0; i < REFUSALS; i++) {
			if (i == 1) {
				sleepQuietly(Duration.ofMillis(2500));
			}
			send(client, "/chat", "[refuse] Help me with this " + i, 500 + i);
		}
		send(client, "/conversation", "My name is Ada", 400);
		send(client, "/conversation", "What is my name?", 401);
		client.post()
			.uri("/chat")
			.contentType(MediaType.TEXT_PLAIN)
			.header("X-Request-Id", "not a valid id")
			.body("hi")
			.retrieve()
			.toBodilessEntity();
		try {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> this.prometheus.value("sum(llm_client_exchanges_total)") == MODEL_CALLS + 1
						&& this.prometheus.value(
								"sum(gen_ai_client_operation_seconds_count{gen_ai_operation_name=\"chat\"})") == MODEL_CALLS
										+ 1);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("Prometheus did not see the traffic: exchanges="
					+ this.prometheus.value("sum(llm_client_exchanges_total)") + ", operations="
					+ this.prometheus
						.value("sum(gen_ai_client_operation_seconds_count{gen_ai_operation_name=\"chat\"})")
					+ ", up=" + this.prometheus.targets() + "\n" + this.prometheus.log(), ex);
		}
	}

	@AfterAll
	void stopPrometheus() throws IOException {
		if (this.prometheus != null) {
			this.prometheus.close();
		}
	}

	@Test
	void countsModelCallsPerModelAndOutcome() {
		List<PrometheusServer.Sample> perModel = this.prometheus.query(
				"sum by (gen_ai_request_model) (gen_ai_client_operation_seconds_count{gen_ai_operation_name=\"chat\"})");
		assertThat(perModel).hasSize(1);
		assertThat(perModel.get(0).labels()).containsEntry("gen_ai_request_model", "stand-in-small");
		assertThat(perModel.get(0).value()).isEqualTo(MODEL_CALLS + 1);
		assertThat(this.prometheus.value("sum(llm_client_exchanges_total{outcome=\"error\"})")).isEqualTo(ERRORS);
		assertThat(this.prometheus.value("sum(gen_ai_client_operation_seconds_count{error_type!=\"none\"})"))
			.isEqualTo(ERRORS);
		assertThat(this.prometheus.value("sum(llm_client_exchanges_total{finish_reason=\"length\"})"))
			.isEqualTo(TRUNCATED);
		assertThat(this.prometheus
			.value("sum(llm_client_exchanges_total{llm_prompt_name=\"sample-chat\",llm_prompt_version=\"v1\"})"))
			.isEqualTo(CALLS + ERRORS + TRUNCATED + REFUSALS + 1);
	}

	@Test
	void computesP95LatencyFromHistogramBuckets() {
		double p95 = this.prometheus.value(
				"histogram_quantile(0.95, sum by (le, gen_ai_request_model) (gen_ai_client_operation_seconds_bucket))");
		assertThat(p95).isBetween(0.04, 5.12);
		List<PrometheusServer.Sample> buckets = this.prometheus
			.query("sum by (le) (gen_ai_client_operation_seconds_bucket)");
		assertThat(buckets).extracting((sample) -> sample.labels().get("le"))
			.contains("0.01", "0.08", "1.28", "81.92", "+Inf");
	}

	@Test
	void sumsTokensAndCostLikeTheModelReported() {
		List<StandInReply> answered = this.model.getReplies()
			.stream()
			.filter((reply) -> reply.errorStatus() == 0)
			.toList();
		long input = answered.stream().mapToLong(StandInReply::promptTokens).sum();
		long output = answered.stream().mapToLong(StandInReply::completionTokens).sum();
		assertThat(this.prometheus
			.value("sum(gen_ai_client_token_usage_total{gen_ai_operation_name=\"chat\",gen_ai_token_type=\"input\"})"))
			.isEqualTo(input);
		assertThat(this.prometheus
			.value("sum(gen_ai_client_token_usage_total{gen_ai_operation_name=\"chat\",gen_ai_token_type=\"output\"})"))
			.isEqualTo(output);
		double expectedCost = (input * 0.50 + output * 1.50) / 1_000_000;
		assertThat(this.prometheus.value("sum(llm_client_cost_total{currency=\"USD\"})")).isCloseTo(expectedCost,
				within(1e-12));
		assertThat(this.prometheus.value("sum(llm_client_unpriced_total)")).isNaN();
	}

	@Test
	void recordsTimeToFirstChunkOfStreams() {
		assertThat(this.prometheus.value("sum(gen_ai_client_operation_time_to_first_chunk_seconds_count)"))
			.isEqualTo(STREAMS);
		assertThat(this.prometheus.value("histogram_quantile(0.95, sum by (le) "
				+ "(gen_ai_client_operation_time_to_first_chunk_seconds_bucket))"))
			.isBetween(0.001, 10.0);
	}

	@Test
	void countsRejectedIdsAndTracingHealth() {
		assertThat(this.prometheus.value("sum(llm_tracing_ids_rejected_total{kind=\"request\",source=\"header\"})"))
			.isEqualTo(1);
		assertThat(this.prometheus.value("sum(llm_tracing_records_dropped_total)")).isZero();
		assertThat(this.prometheus.value("sum(llm_tracing_instrumentation_failures_total)")).isZero();
	}

	@Test
	void theRefusalAlertBecomesActiveOnTheSamplesRefusals() {
		// active means pending: its expression holds; it fires after its "for: 15m"
		List<PrometheusServer.Sample> alerts = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.prometheus.query("ALERTS{alertname=\"LlmRefusalRateHigh\"}"),
					(found) -> !found.isEmpty());
		assertThat(alerts.get(0).labels()).containsEntry("alertstate", "pending")
			.containsEntry("gen_ai_request_model", "stand-in-small")
			.containsEntry("llm_prompt_name", "sample-chat");
		assertThat(this.prometheus.value("sum(llm_quality_signal_total{signal=\"refusal\"})")).isEqualTo(REFUSALS);
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void loadsTheAlertRules() {
		assertThat(this.prometheus.rules()).contains("LlmErrorRateHigh", "LlmLatencyP95AboveSlo",
				"LlmTruncatedAnswersHigh", "LlmRejectedIdsSpike");
	}

	@Test
	void scrapePassesPromtoolCheckMetricsForOurFamilies() throws Exception {
		String scrape = scrape();
		Promtool.Result all = Promtool.run(scrape, "check", "metrics");
		assertThat(all.exitCode()).as(all.output()).isIn(0, 3);
		assertThat(all.output().lines().filter((line) -> line.startsWith("gen_ai_") || line.startsWith("llm_")))
			.as("lint findings on llm-tracing's and Spring AI's model meters")
			.isEmpty();
		String ours = scrape.lines().filter((line) -> isOurFamily(line)).collect(Collectors.joining("\n", "", "\n"));
		assertThat(ours).contains("llm_client_exchanges_total", "gen_ai_client_operation_seconds_bucket");
		Promtool.Result filtered = Promtool.run(ours, "check", "metrics");
		assertThat(filtered.exitCode()).as(filtered.output()).isZero();
	}

	@Test
	void noIdIsEverAMetricTag() throws IOException {
		Set<String> ids = new java.util.HashSet<>(this.sentIds);
		ids.addAll(exchangeAndGeneratedIds());
		assertThat(ids).hasSizeGreaterThan(MODEL_CALLS * 2);
		List<String> forbiddenKeys = List.of("requestId", "contextId", "userId", "exchangeId", "llm.request.id",
				"llm.user.id", "llm.exchange.id", "gen_ai.conversation.id", "traceId", "spanId");
		List<Meter> meters = this.meterRegistry.getMeters();
		assertThat(meters).hasSizeGreaterThan(50);
		for (Meter meter : meters) {
			for (Tag tag : meter.getId().getTagsAsIterable()) {
				assertThat(ids).as("tag %s of %s", tag, meter.getId().getName()).doesNotContain(tag.getValue());
				assertThat(forbiddenKeys).as("tag key of %s", meter.getId().getName()).doesNotContain(tag.getKey());
			}
		}
		String scrape = scrape();
		assertThat(ids).allSatisfy((id) -> assertThat(scrape).doesNotContain(id));
	}

	private void send(RestClient client, String path, String message, int n) {
		String requestId = "prom-req-" + n;
		String contextId = "prom-ctx-" + ((path.equals("/conversation")) ? "conversation" : n);
		String userId = "prom-user-" + n;
		this.sentIds.addAll(List.of(requestId, contextId, userId));
		SampleApp.post(client, path, message, requestId, contextId, userId);
	}

	private Set<String> exchangeAndGeneratedIds() throws IOException {
		Set<String> ids = new java.util.HashSet<>();
		for (Map<String, Object> record : SampleApp.exchangeRecords(jsonLog)) {
			ids.add((String) record.get("exchangeId"));
			ids.add((String) record.get("requestId"));
			if (record.get("traceId") != null) {
				ids.add((String) record.get("traceId"));
			}
		}
		return ids;
	}

	private String scrape() {
		return SampleApp.client(this.port).get().uri("/actuator/prometheus").retrieve().body(String.class);
	}

	private static boolean isOurFamily(String line) {
		String name = line.startsWith("# ") ? line.split(" ")[2] : line;
		return name.startsWith("gen_ai_") || name.startsWith("llm_");
	}

}
