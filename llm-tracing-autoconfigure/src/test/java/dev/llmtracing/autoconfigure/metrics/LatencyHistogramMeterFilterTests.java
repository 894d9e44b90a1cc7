package dev.llmtracing.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LatencyHistogramMeterFilter}.
 *
 * @author llm-tracing
 */
class LatencyHistogramMeterFilterTests {

	@Test
	void shouldGiveModelTimerTheSemconvBuckets() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new LatencyHistogramMeterFilter(SemconvBuckets.OPERATION));
		Timer timer = Timer.builder("gen_ai.client.operation").register(registry);
		timer.record(Duration.ofMillis(300));
		CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
		assertThat(buckets).extracting((bucket) -> bucket.bucket(TimeUnit.MILLISECONDS))
			.containsExactly(10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 640.0, 1280.0, 2560.0, 5120.0, 10240.0, 20480.0,
					40960.0, 81920.0);
		assertThat(buckets[5].count()).isEqualTo(1);
		assertThat(buckets[4].count()).isZero();
	}

	@Test
	void shouldGiveTheStageTimerTheSameBucketsAsTheModelTimer() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config()
			.meterFilter(new LatencyHistogramMeterFilter(List.of(Duration.ofMillis(100), Duration.ofSeconds(1))));
		Timer stage = Timer.builder("llm.stage.duration").tag("stage", "prompt-build").register(registry);
		stage.record(Duration.ofMillis(300));
		assertThat(stage.takeSnapshot().histogramCounts()).extracting((bucket) -> bucket.bucket(TimeUnit.MILLISECONDS))
			.containsExactly(100.0, 1000.0);
	}

	@Test
	void shouldLeaveOtherTimersAlone() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new LatencyHistogramMeterFilter(List.of(Duration.ofSeconds(1))));
		Timer timer = Timer.builder("http.server.requests").register(registry);
		timer.record(Duration.ofMillis(300));
		assertThat(timer.takeSnapshot().histogramCounts()).isEmpty();
	}

}
