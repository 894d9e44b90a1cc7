package dev.llmtracing.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.context.TracingIds;
import dev.llmtracing.record.ExchangeRecord;
import org.jspecify.annotations.Nullable;

/**
 * What happened during one request while it runs: its activities and the exchange records
 * of its model calls. Thread-safe: activities of one request may start and end on several
 * threads.
 *
 * @author llm-tracing
 */
final class RequestTimeline {

	final TracingIds ids;

	final @Nullable String traceId;

	final Instant startTime;

	private final long startNanos;

	private final List<Activity> activities = new ArrayList<>();

	private final List<ExchangeRecord> exchanges = new ArrayList<>();

	RequestTimeline(TracingIds ids, @Nullable String traceId, Instant startTime, long startNanos) {
		this.ids = ids;
		this.traceId = traceId;
		this.startTime = startTime;
		this.startNanos = startNanos;
	}

	Activity begin(Part part, String key, long nanoTime) {
		Activity activity = new Activity(part, key, nanoTime - this.startNanos, this.startNanos);
		synchronized (this.activities) {
			this.activities.add(activity);
		}
		return activity;
	}

	void add(ExchangeRecord exchange) {
		long start = Duration.between(this.startTime, exchange.timing().startTime()).toNanos();
		Activity model = new Activity(Part.MODEL, Part.MODEL.key(), start, this.startNanos);
		model.endNanos = start + exchange.timing().durationNanos();
		synchronized (this.activities) {
			this.activities.add(model);
			this.exchanges.add(exchange);
		}
	}

	long elapsedNanos(long nanoTime) {
		return nanoTime - this.startNanos;
	}

	List<Activity> activities() {
		synchronized (this.activities) {
			return new ArrayList<>(this.activities);
		}
	}

	List<ExchangeRecord> exchanges() {
		synchronized (this.activities) {
			return new ArrayList<>(this.exchanges);
		}
	}

}
