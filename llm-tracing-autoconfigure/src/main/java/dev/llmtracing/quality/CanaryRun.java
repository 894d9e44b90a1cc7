package dev.llmtracing.quality;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What one run of a {@link Canary} gave.
 *
 * @param name the canary's name
 * @param result how it ended
 * @param failures why it failed: the failed expectations, or the error of the model call
 * @param exchangeId the exchange ID of its model call, or {@code null} when none started
 * @param durationMillis how long the run took
 * @author llm-tracing
 * @since 0.1.0
 */
public record CanaryRun(String name, Result result, List<String> failures, @Nullable String exchangeId,
		long durationMillis) {

	public CanaryRun {
		failures = List.copyOf(failures);
	}

	/**
	 * How a canary run ended.
	 */
	public enum Result {

		/**
		 * The answer met every expectation.
		 */
		PASS,

		/**
		 * The answer failed an expectation.
		 */
		FAIL,

		/**
		 * The model call failed.
		 */
		ERROR;

		/**
		 * Return the value written in records and tags, such as {@code pass}.
		 * @return the value
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
