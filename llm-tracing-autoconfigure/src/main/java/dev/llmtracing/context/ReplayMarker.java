package dev.llmtracing.context;

import org.jspecify.annotations.Nullable;

/**
 * Marks the model calls made on the current thread as a replay of an earlier exchange, so
 * that their records and spans carry {@code llm.replay.of}.
 *
 * @author llm-tracing
 */
public final class ReplayMarker implements AutoCloseable {

	private static final ThreadLocal<String> current = new ThreadLocal<>();

	private final @Nullable String previous;

	private ReplayMarker(String exchangeId) {
		this.previous = current.get();
		current.set(exchangeId);
	}

	/**
	 * Mark the model calls on this thread until the marker is closed.
	 * @param exchangeId the exchange ID of the exchange being replayed
	 * @return the marker, to close on this thread
	 */
	public static ReplayMarker mark(String exchangeId) {
		return new ReplayMarker(exchangeId);
	}

	/**
	 * Return the exchange ID being replayed on this thread.
	 * @return the exchange ID, or {@code null} when no replay is running
	 */
	public static @Nullable String current() {
		return current.get();
	}

	@Override
	public void close() {
		if (this.previous != null) {
			current.set(this.previous);
		}
		else {
			current.remove();
		}
	}

}
