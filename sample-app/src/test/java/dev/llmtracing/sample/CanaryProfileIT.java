package dev.llmtracing.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.sample.support.SampleApp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample application with its {@code canary} profile: the two golden prompts of
 * {@code llm-canaries.yml} are asked of the stand-in model on their schedule, pass, and
 * are counted and recorded apart from user traffic.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.log.json-file=target/canary-profile-it.json",
				"llm.tracing.quality.canary.initial-delay=0s" })
@ActiveProfiles("canary")
class CanaryProfileIT {

	private static final Path jsonLog = SampleApp.freshLog(Path.of("target/canary-profile-it.json"));

	@Autowired
	private MeterRegistry registry;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleApp.standInOnFreePort(registry);
	}

	@Test
	void theSamplesGoldenPromptsPassAgainstTheStandIn() throws IOException {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(List.of(passes("capital"), passes("ready"))).containsOnly(1.0));
		assertThat(this.registry.find(MetricNames.QUALITY_CANARY).tag("result", "fail").counter()).as("failed canaries")
			.isNull();
		List<Map<String, Object>> canaryCalls = await().atMost(Duration.ofSeconds(10))
			.until(() -> SampleApp.exchangeRecords(jsonLog)
				.stream()
				.filter((record) -> "llm-canary".equals(record.get("llm.prompt.name")))
				.toList(), (records) -> records.size() == 2);
		assertThat(canaryCalls).extracting((record) -> record.get("llm.prompt.version"))
			.containsExactlyInAnyOrder("capital", "ready");
		assertThat(canaryCalls).allSatisfy((record) -> assertThat(record).containsEntry("outcome", "success"));
	}

	private double passes(String name) {
		Counter counter = this.registry.find(MetricNames.QUALITY_CANARY).tags("name", name, "result", "pass").counter();
		return (counter != null) ? counter.count() : 0.0;
	}

}
