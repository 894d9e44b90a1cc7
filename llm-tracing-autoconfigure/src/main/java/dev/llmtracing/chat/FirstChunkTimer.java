package dev.llmtracing.chat;

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Notes when the first chunk of a streamed answer reaches the {@link TracingAdvisor}, so
 * that the {@link ExchangeObservationHandler} can compute the time to first chunk of the
 * model call. Each model call of a stream (several in a tool-calling loop) restarts it.
 *
 * @author llm-tracing
 */
public final class FirstChunkTimer {

	private final AtomicLong firstChunkNanos = new AtomicLong();

	/**
	 * Start waiting for the first chunk of a new model call.
	 */
	void restart() {
		this.firstChunkNanos.set(0);
	}

	/**
	 * Return whether the current model call has had no chunk with content yet.
	 * @return {@code true} while waiting for the first chunk
	 */
	boolean waiting() {
		return this.firstChunkNanos.get() == 0;
	}

	/**
	 * Note that a chunk with content arrived now, if it is the first one.
	 */
	void chunk() {
		this.firstChunkNanos.compareAndSet(0, System.nanoTime());
	}

	/**
	 * Return the time to first chunk of a call that started at the given time.
	 * @param startNanos {@link System#nanoTime()} at the start of the call
	 * @return the time to first chunk in nanoseconds, or {@code null} if no chunk arrived
	 * since
	 */
	@Nullable Long sinceStart(long startNanos) {
		long first = this.firstChunkNanos.get();
		return (first != 0 && first - startNanos >= 0) ? first - startNanos : null;
	}

}
