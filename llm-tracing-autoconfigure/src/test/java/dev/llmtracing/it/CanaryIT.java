package dev.llmtracing.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.record.RecordSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end test of the canary replays: the canaries of a YAML file asked on a schedule
 * through the real Spring AI OpenAI client against the stand-in model, one passing and
 * one failing (the stand-in refuses it), their counters, their canary records and the
 * exchange records of their calls, set apart from user traffic by the prompt name.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = QualityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "llm.tracing.quality.canary.enabled=true",
				"llm.tracing.quality.canary.file=classpath:canaries/canaries-it.yml",
				"llm.tracing.quality.canary.initial-delay=0s", "llm.tracing.quality.canary.interval=2s" })
class CanaryIT extends StandInModelIT {

	@Autowired
	private MeterRegistry registry;

	@Test
	void aCanaryWhoseAnswerMeetsItsExpectationsPassesAndOneThatIsRefusedFails() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("capital", "pass") >= 1 && count("no-refusal", "fail") >= 1);
		assertThat(count("capital", "fail") + count("capital", "error")).isZero();
		assertThat(count("no-refusal", "pass") + count("no-refusal", "error")).isZero();

		Map<String, Object> passed = canaryRecord((record) -> "capital".equals(record.get("llm.canary.name")));
		assertThat(passed).containsEntry("llm.canary.result", "pass").doesNotContainKey("llm.canary.failures");
		Map<String, Object> failed = canaryRecord((record) -> "no-refusal".equals(record.get("llm.canary.name")));
		assertThat(failed).containsEntry("llm.canary.result", "fail")
			.containsEntry("llm.canary.failures", List.of("not-contains: the answer contains 'I'm sorry'"));

		Map<String, Object> exchange = exchangeRecord(failed.get("exchangeId"));
		RecordSchema.assertValid(exchange);
		assertThat(exchange).containsEntry("llm.prompt.name", "llm-canary")
			.containsEntry("llm.prompt.version", "no-refusal")
			.containsEntry("gen_ai.request.temperature", 0.0)
			.containsEntry("llm.quality.signals", List.of("refusal"))
			.doesNotContainKey("requestId");
		assertThat(exchangeRecord(passed.get("exchangeId"))).containsEntry("llm.prompt.version", "capital");
		assertThat(capture.records("llm.tracing.request")).as("canary calls get no request record").isEmpty();
		assertThat(this.registry.get(MetricNames.QUALITY_SIGNAL)
			.tag("signal", "refusal")
			.tag("llm.prompt.name", "llm-canary")
			.counter()
			.count()).isPositive();
	}

	private Map<String, Object> canaryRecord(Predicate<Map<String, Object>> which) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> capture.records("llm.tracing.canary").stream().filter(which).reduce((a, b) -> b).orElse(null),
					(record) -> record != null);
	}

	private Map<String, Object> exchangeRecord(Object exchangeId) {
		assertThat(exchangeId).isNotNull();
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> capture.records()
				.stream()
				.filter((record) -> exchangeId.equals(record.get("exchangeId")))
				.findFirst()
				.orElse(null), (record) -> record != null);
	}

	private double count(String name, String result) {
		Counter counter = this.registry.find(MetricNames.QUALITY_CANARY)
			.tag("name", name)
			.tag("result", result)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
