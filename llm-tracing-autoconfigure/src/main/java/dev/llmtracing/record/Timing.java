package dev.llmtracing.record;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When an exchange started and how long it took.
 *
 * @param startTime when the call started
 * @param durationNanos how long the call took, in nanoseconds
 * @param timeToFirstChunkNanos the time to the first chunk of a stream, in nanoseconds,
 * when known
 * @author llm-tracing
 * @since 0.1.0
 */
public record Timing(Instant startTime, long durationNanos, @Nullable Long timeToFirstChunkNanos) {

	/**
	 * Return the duration in milliseconds, with microsecond precision.
	 * @return the duration in milliseconds
	 */
	public double durationMillis() {
		return Math.round(this.durationNanos / 1_000.0) / 1_000.0;
	}

	/**
	 * Return the time to first chunk in milliseconds, with microsecond precision.
	 * @return the time to first chunk, or {@code null} when not known
	 */
	public @Nullable Double timeToFirstChunkMillis() {
		return (this.timeToFirstChunkNanos != null) ? Math.round(this.timeToFirstChunkNanos / 1_000.0) / 1_000.0 : null;
	}

}
