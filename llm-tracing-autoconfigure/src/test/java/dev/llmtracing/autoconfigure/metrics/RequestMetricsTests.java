package dev.llmtracing.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.context.TracingIds;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.request.RequestTotals;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestMetrics}.
 *
 * @author llm-tracing
 */
class RequestMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RequestMetrics metrics = new RequestMetrics(this.registry, new PromptTagLimiter(50));

	@Test
	void shouldRecordTheDurationByRouteAndOutcomeAndEachPart() {
		this.registry.config().meterFilter(new LatencyHistogramMeterFilter(List.of(Duration.ofMillis(100))));
		Map<String, Long> breakdown = new LinkedHashMap<>();
		breakdown.put("model", 80L);
		breakdown.put("prompt-build", 30L);
		breakdown.put("other", 10L);
		this.metrics.onRequest(record("/chat/{id}", breakdown));
		assertThat(this.registry.get("llm.request.duration")
			.tag("route", "/chat/{id}")
			.tag("outcome", "success")
			.timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
		assertThat(this.registry.get("llm.request.part.duration")
			.tag("route", "/chat/{id}")
			.tag("part", "prompt-build")
			.timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
		assertThat(this.registry.get("llm.request.part.duration").timers()).hasSize(3);
		assertThat(this.registry.get("llm.request.duration").timer().takeSnapshot().histogramCounts()).hasSize(1);
	}

	@Test
	void shouldTagRequestsWithoutRouteNone() {
		this.metrics.onRequest(record(null, Map.of("other", 120L)));
		assertThat(this.registry.get("llm.request.duration").tag("route", "none").timer().count()).isOne();
	}

	private static RequestRecord record(String route, Map<String, Long> breakdown) {
		return new RequestRecord(new TracingIds("req-1", null, null), null, route, 200, Instant.now(), 120, List.of(),
				breakdown, new RequestTotals(1, null, null, null, null), Outcome.SUCCESS, null);
	}

}
