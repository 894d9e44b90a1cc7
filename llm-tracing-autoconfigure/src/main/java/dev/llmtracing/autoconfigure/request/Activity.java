package dev.llmtracing.autoconfigure.request;

import java.time.Duration;

import dev.llmtracing.request.RequestActivity;

/**
 * One activity of a request: a part (and for stages, its name) between two instants, in
 * nanoseconds since the start of the request.
 *
 * @author llm-tracing
 */
final class Activity {

	final Part part;

	final String key;

	final long startNanos;

	private final long originNanos;

	volatile long endNanos = -1;

	Activity(Part part, String key, long startNanos, long originNanos) {
		this.part = part;
		this.key = key;
		this.startNanos = startNanos;
		this.originNanos = originNanos;
	}

	/**
	 * End the activity.
	 * @param nanoTime {@link System#nanoTime()} at its end
	 */
	void end(long nanoTime) {
		this.endNanos = nanoTime - this.originNanos;
	}

	/**
	 * Return this activity as seen at the end of its request: one still running, or
	 * running past the request's end (a stream's model call), ends with the request.
	 * @param requestNanos the request's duration in nanoseconds
	 * @return the activity with its offset and duration
	 */
	RequestActivity toRequestActivity(long requestNanos) {
		long start = Math.min(Math.max(this.startNanos, 0), requestNanos);
		long end = this.endNanos;
		end = (end < 0 || end > requestNanos) ? requestNanos : Math.max(end, start);
		return new RequestActivity(this.part.key(), this.key, Duration.ofNanos(start), Duration.ofNanos(end - start));
	}

}
