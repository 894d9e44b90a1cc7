package dev.llmtracing.autoconfigure.request;

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

}
