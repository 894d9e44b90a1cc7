package dev.llmtracing.autoconfigure.quality;

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
 */
record CanaryRun(String name, Result result, List<String> failures, @Nullable String exchangeId, long durationMillis) {

	CanaryRun {
		failures = List.copyOf(failures);
	}

	/**
	 * How a canary run ended.
	 */
	enum Result {

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
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
