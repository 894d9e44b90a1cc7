package dev.llmtracing.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.TestRecords;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingHealthIndicator}: UP when telemetry is well, DEGRADED while
 * it loses records or fails, never DOWN.
 *
 * @author llm-tracing
 */
class LlmTracingHealthIndicatorTests {

	private final InstrumentationFailures failures = new InstrumentationFailures();

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExchangeListener blocked = (record) -> await(this.release);

	private final ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(this.blocked), 10,
			Duration.ofSeconds(1), this.failures);

	private final MutableClock clock = new MutableClock();

	private final LlmTracingHealthIndicator indicator = new LlmTracingHealthIndicator(this.dispatcher, this.failures,
			this.clock);

	@AfterEach
	void close() {
		this.release.countDown();
		this.dispatcher.close();
	}

	@Test
	void upWithQueueDetailsWhenNothingWasLost() {
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("recordsDropped", 0L)
			.containsEntry("failures", Map.of())
			.containsKey("queue")
			.doesNotContainKey("reasons");
		assertThat(health.getDetails().get("queue")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("capacity", 10);
	}

	@Test
	void degradedWhileTheQueueIsNearlyFullAndWhenRecordsWereDropped() {
		for (int i = 0; i < 12; i++) {
			this.dispatcher.publish(TestRecords.minimal());
		}
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(LlmTracingHealthIndicator.DEGRADED);
		assertThat((long) health.getDetails().get("recordsDropped")).isPositive();
		assertThat(health.getDetails().get("reasons")).asString().contains("full").contains("dropped");
	}

	@Test
	void degradedForFiveMinutesAfterANewFailureThenUpAgain() {
		this.failures.record(InstrumentedComponent.REDACTOR, new IllegalStateException("broken"));
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(LlmTracingHealthIndicator.DEGRADED);
		assertThat(health.getDetails()).containsEntry("failures", Map.of("redactor", 1L));
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(LlmTracingHealthIndicator.DEGRADED);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.UP);
		this.failures.record(InstrumentedComponent.REDACTOR, new IllegalStateException("again"));
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(LlmTracingHealthIndicator.DEGRADED);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
