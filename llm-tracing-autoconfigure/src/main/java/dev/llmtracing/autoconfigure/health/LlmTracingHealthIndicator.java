package dev.llmtracing.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of llm-tracing itself, as the {@code llmTracing} contributor: the fill level of
 * the record writer's queue, the records dropped and the failures of each component.
 * Telemetry never takes an application down: the status is {@code UP}, or
 * {@code DEGRADED} while the queue is at least 90% full and for five minutes after a
 * health check saw new drops or failures. Spring Boot maps {@code DEGRADED} to HTTP 200
 * (only {@code DOWN} and {@code OUT_OF_SERVICE} give 503), so probes keep passing; as a
 * status Boot does not know, it shows as the overall status unless
 * {@code management.endpoint.health.status.order} lists it after {@code up}.
 *
 * @author llm-tracing
 */
final class LlmTracingHealthIndicator extends AbstractHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED");

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private static final double FULL = 0.9;

	private final ExchangeDispatcher dispatcher;

	private final InstrumentationFailures failures;

	private final Clock clock;

	private long seenProblems;

	private Instant lastNewProblem = Instant.MIN;

	LlmTracingHealthIndicator(ExchangeDispatcher dispatcher, InstrumentationFailures failures, Clock clock) {
		super("llm-tracing health check failed");
		this.dispatcher = dispatcher;
		this.failures = failures;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		int size = this.dispatcher.getQueueSize();
		int capacity = this.dispatcher.getQueueCapacity();
		double fill = (capacity > 0) ? (double) size / capacity : 0;
		long dropped = this.dispatcher.getDroppedCount();
		Map<String, Long> failing = new LinkedHashMap<>();
		long problems = dropped;
		for (InstrumentedComponent component : InstrumentedComponent.values()) {
			long count = this.failures.count(component);
			if (count > 0) {
				failing.put(component.tagValue(), count);
				problems += count;
			}
		}
		List<String> reasons = new ArrayList<>();
		if (fill >= FULL) {
			reasons.add("the record queue is " + Math.round(fill * 100) + "% full");
		}
		if (isRecent(problems)) {
			reasons.add("records were dropped or components failed in the last " + WINDOW.toMinutes() + " minutes");
		}
		builder.status(reasons.isEmpty() ? Status.UP : DEGRADED)
			.withDetail("queue", Map.of("size", size, "capacity", capacity, "fill", Math.round(fill * 1000) / 1000.0))
			.withDetail("recordsDropped", dropped)
			.withDetail("failures", failing);
		if (!reasons.isEmpty()) {
			builder.withDetail("reasons", reasons);
		}
	}

	private synchronized boolean isRecent(long problems) {
		Instant now = this.clock.instant();
		if (problems > this.seenProblems) {
			this.seenProblems = problems;
			this.lastNewProblem = now;
		}
		return this.lastNewProblem.isAfter(now.minus(WINDOW));
	}

}
