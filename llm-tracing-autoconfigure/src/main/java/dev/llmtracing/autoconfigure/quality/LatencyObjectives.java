package dev.llmtracing.autoconfigure.quality;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The latency objective of each model: a call that takes longer is {@code slow}.
 *
 * @author llm-tracing
 */
final class LatencyObjectives {

	private final Map<String, Duration> byModel;

	private final @Nullable Duration fallback;

	/**
	 * Create an instance.
	 * @param byModel the objective of each model, by model name
	 * @param fallback the objective of the models not named, or {@code null} for none
	 */
	LatencyObjectives(Map<String, Duration> byModel, @Nullable Duration fallback) {
		this.byModel = Map.copyOf(byModel);
		this.fallback = fallback;
	}

	/**
	 * Return whether a call of a model took longer than its objective.
	 * @param model the model, or {@code null} if unknown
	 * @param requestModel the model that was asked for, looked up when the model has no
	 * objective of its own
	 * @param durationNanos how long the call took
	 * @return whether the model has an objective and the call exceeded it
	 */
	boolean isSlow(@Nullable String model, @Nullable String requestModel, long durationNanos) {
		Duration objective = (model != null) ? this.byModel.get(model) : null;
		if (objective == null && requestModel != null) {
			objective = this.byModel.get(requestModel);
		}
		if (objective == null) {
			objective = this.fallback;
		}
		return objective != null && durationNanos > objective.toNanos();
	}

}
