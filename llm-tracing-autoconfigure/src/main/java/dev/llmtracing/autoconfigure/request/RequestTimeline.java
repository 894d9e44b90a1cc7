package dev.llmtracing.autoconfigure.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

	private final AtomicInteger modelCallsStarted = new AtomicInteger();

	private volatile long firstByteNanos;

	private volatile boolean streamed;

	private @Nullable Runnable deferredPublish;

	private long deferredAtNanos;

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

	void modelCallStarted() {
		this.modelCallsStarted.incrementAndGet();
	}

	/**
	 * Publish now, or, while model calls that started for this request have not handed
	 * over their exchange records yet, when the last one arrives. A stream's model
	 * observation stops after the response completed (Spring AI stops it in
	 * {@code doFinally}), so its record can come after the request's end.
	 * @return {@code true} if it was published now, {@code false} if it was deferred
	 */
	boolean publishWhenComplete(Runnable publish, long nanoTime) {
		synchronized (this.activities) {
			if (this.exchanges.size() < this.modelCallsStarted.get()) {
				this.deferredPublish = publish;
				this.deferredAtNanos = nanoTime;
				return false;
			}
		}
		publish.run();
		return true;
	}

	/**
	 * Return the deferred publication once it may run: every started model call has its
	 * record, or the grace period is over.
	 */
	@Nullable Runnable takeDeferred(long nanoTime, long graceNanos) {
		synchronized (this.activities) {
			Runnable publish = this.deferredPublish;
			if (publish != null && (this.exchanges.size() >= this.modelCallsStarted.get()
					|| nanoTime - this.deferredAtNanos > graceNanos)) {
				this.deferredPublish = null;
				return publish;
			}
			return null;
		}
	}

	boolean isDeferred() {
		synchronized (this.activities) {
			return this.deferredPublish != null;
		}
	}

	/**
	 * Note that the response wrote its first body byte now, if it had not before.
	 */
	void firstByte(long nanoTime) {
		if (this.firstByteNanos == 0) {
			this.firstByteNanos = Math.max(1, nanoTime - this.startNanos);
		}
	}

	/**
	 * Note that the response is streamed: it goes on after the request's handler
	 * returned.
	 */
	void streamed() {
		this.streamed = true;
	}

	/**
	 * Return the whole milliseconds from the start until the first body byte of a
	 * streamed response, or {@code null} if the response was not streamed or wrote no
	 * body.
	 */
	@Nullable Long firstByteMillis() {
		long nanos = this.firstByteNanos;
		return (this.streamed && nanos != 0) ? nanos / 1_000_000 : null;
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
