package dev.llmtracing.autoconfigure.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.cost.Cost;
import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.record.ExchangeIds;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.ExchangeResponse;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.Timing;
import dev.llmtracing.record.TokenUsage;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExchangeMetrics}.
 *
 * @author llm-tracing
 */
class ExchangeMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ExchangeMetrics metrics = new ExchangeMetrics(this.registry, new PromptTagLimiter(2),
			SemconvBuckets.TIME_TO_FIRST_CHUNK);

	@Test
	void shouldCountOutcomesAndFinishReasonsPerModel() {
		this.metrics.onExchange(record("gpt-a", Outcome.SUCCESS, List.of("stop"), null, null, "p", "v1", false));
		this.metrics.onExchange(record("gpt-a", Outcome.SUCCESS, List.of("length"), null, null, "p", "v1", false));
		this.metrics.onExchange(record("gpt-a", Outcome.SUCCESS, List.of("length"), null, null, "p", "v1", false));
		this.metrics.onExchange(record("gpt-b", Outcome.ERROR, List.of(), null, null, null, null, false));
		assertThat(count("gpt-a", "success", "length")).isEqualTo(2);
		assertThat(count("gpt-a", "success", "stop")).isEqualTo(1);
		assertThat(this.registry.get(MetricNames.EXCHANGES)
			.tag("gen_ai.request.model", "gpt-b")
			.tag("outcome", "error")
			.tag("finish_reason", "none")
			.tag("llm.prompt.name", "none")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void shouldCountEmptyAnswers() {
		this.metrics.onExchange(record("gpt-a", Outcome.SUCCESS, List.of("stop"), null, null, null, null, true));
		assertThat(this.registry.get(MetricNames.EXCHANGES).tag("empty", "true").counter().count()).isEqualTo(1);
	}

	@Test
	void shouldRecordTimeToFirstChunkWithSemconvBuckets() {
		this.metrics
			.onExchange(record("gpt-a", Outcome.SUCCESS, List.of("stop"), 30_000_000L, null, null, null, false));
		Timer timer = this.registry.get(MetricNames.TIME_TO_FIRST_CHUNK).tag("gen_ai.request.model", "gpt-a").timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30.0);
		CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
		assertThat(buckets).hasSize(16);
		assertThat(buckets[4].bucket(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
		assertThat(buckets[4].count()).isEqualTo(1);
		assertThat(buckets[3].count()).isZero();
	}

	@Test
	void shouldAddCostOrCountUnpriced() {
		this.metrics.onExchange(record("gpt-a", Outcome.SUCCESS, List.of("stop"), null,
				new Cost(new BigDecimal("0.25"), "USD"), null, null, false));
		this.metrics.onExchange(record("gpt-a", Outcome.SUCCESS, List.of("stop"), null,
				new Cost(new BigDecimal("0.5"), "USD"), null, null, false));
		this.metrics.onExchange(record("local", Outcome.SUCCESS, List.of("stop"), null, null, null, null, false));
		assertThat(this.registry.get(MetricNames.COST).tag("currency", "USD").counter().count()).isEqualTo(0.75);
		assertThat(this.registry.get(MetricNames.UNPRICED).tag("gen_ai.request.model", "local").counter().count())
			.isEqualTo(1);
	}

	@Test
	void shouldFoldPromptVersionsBeyondTheLimit() {
		for (String version : List.of("v1", "v2", "v3", "v4")) {
			this.metrics.onExchange(record("gpt-a", Outcome.SUCCESS, List.of("stop"), null, null, "p", version, false));
		}
		assertThat(this.registry.get(MetricNames.EXCHANGES).tag("llm.prompt.version", "other").counter().count())
			.isEqualTo(2);
	}

	private double count(String model, String outcome, String finishReason) {
		return this.registry.get(MetricNames.EXCHANGES)
			.tag("gen_ai.request.model", model)
			.tag("outcome", outcome)
			.tag("finish_reason", finishReason)
			.counter()
			.count();
	}

	static ExchangeRecord record(String model, Outcome outcome, List<String> finishReasons, Long ttftNanos, Cost cost,
			String promptName, String promptVersion, boolean empty) {
		return new ExchangeRecord(new ExchangeIds("ex", "req-secret", "ctx-secret", "user-secret", null, null),
				new ExchangeRequest("chat", "openai", model, null, null, null, ttftNanos != null, java.util.Map.of(),
						null, promptName, promptVersion),
				new ExchangeResponse(model, null, finishReasons, empty), new TokenUsage(10, 20),
				new Timing(Instant.now(), Duration.ofMillis(100).toNanos(), ttftNanos), outcome, null, cost, null,
				null);
	}

}
