package dev.llmtracing.autoconfigure.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmtracing.autoconfigure.PropertyChecks;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the quality signals.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.quality")
public class LlmTracingQualityProperties implements Validator {

	/**
	 * Whether to name quality signals (llm.quality.signals) on every exchange.
	 */
	private boolean enabled = true;

	private final Refusal refusal = new Refusal();

	private final Slow slow = new Slow();

	private final Nondeterministic nondeterministic = new Nondeterministic();

	private final LengthDrift lengthDrift = new LengthDrift();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Refusal getRefusal() {
		return this.refusal;
	}

	public Slow getSlow() {
		return this.slow;
	}

	public Nondeterministic getNondeterministic() {
		return this.nondeterministic;
	}

	public LengthDrift getLengthDrift() {
		return this.lengthDrift;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingQualityProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingQualityProperties quality = (LlmTracingQualityProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.quality");
		checks.range("refusal.scanLength", "refusal.scan-length", quality.getRefusal().getScanLength(), 1, 100_000);
		if (quality.getSlow().getDefaultObjective() != null) {
			checks.notNegative("slow.defaultObjective", "slow.default-objective",
					quality.getSlow().getDefaultObjective(), "10s");
		}
		quality.getSlow().getObjectives().forEach((model, objective) -> {
			if (objective == null || objective.isNegative()) {
				checks.reject("slow.objectives",
						"slow.objectives of a model must be a duration of at least 0; " + "set a duration such as 10s");
			}
		});
		checks.range("nondeterministic.maxPrompts", "nondeterministic.max-prompts",
				quality.getNondeterministic().getMaxPrompts(), 1, 10_000_000);
		LengthDrift drift = quality.getLengthDrift();
		checks.range("lengthDrift.window", "length-drift.window", drift.getWindow(), 10, 100_000);
		checks.range("lengthDrift.minSamples", "length-drift.min-samples", drift.getMinSamples(), 1, drift.getWindow());
		checks.range("lengthDrift.maxSeries", "length-drift.max-series", drift.getMaxSeries(), 1, 1_000_000);
		if (!(drift.getFactor() >= 1.0) || !Double.isFinite(drift.getFactor())) {
			checks.reject("lengthDrift.factor",
					"length-drift.factor must be a number of at least 1; " + "set a factor such as 2");
		}
	}

	/**
	 * The {@code refusal} signal.
	 */
	public static class Refusal {

		/**
		 * Phrases that make an answer a refusal when one occurs, case-insensitively, in
		 * its beginning; English and Japanese ones by default.
		 */
		private List<String> phrases = new ArrayList<>(RefusalPhrases.DEFAULTS);

		/**
		 * Number of characters from the start of an answer searched for refusal phrases.
		 */
		private int scanLength = 300;

		public List<String> getPhrases() {
			return this.phrases;
		}

		public void setPhrases(List<String> phrases) {
			this.phrases = phrases;
		}

		public int getScanLength() {
			return this.scanLength;
		}

		public void setScanLength(int scanLength) {
			this.scanLength = scanLength;
		}

	}

	/**
	 * The {@code slow} signal.
	 */
	public static class Slow {

		/**
		 * Latency objective of each model, by model name; a longer call is 'slow'.
		 */
		private Map<String, Duration> objectives = new LinkedHashMap<>();

		/**
		 * Latency objective of the models without one of their own; none when not set.
		 */
		private @Nullable Duration defaultObjective;

		public Map<String, Duration> getObjectives() {
			return this.objectives;
		}

		public void setObjectives(Map<String, Duration> objectives) {
			this.objectives = objectives;
		}

		public @Nullable Duration getDefaultObjective() {
			return this.defaultObjective;
		}

		public void setDefaultObjective(@Nullable Duration defaultObjective) {
			this.defaultObjective = defaultObjective;
		}

	}

	/**
	 * The {@code nondeterministic} signal.
	 */
	public static class Nondeterministic {

		/**
		 * Whether to compare the answers to deterministic requests (temperature 0 or a
		 * seed) with the last answer to the same prompt.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of prompts whose last answer digest is remembered.
		 */
		private int maxPrompts = 10000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxPrompts() {
			return this.maxPrompts;
		}

		public void setMaxPrompts(int maxPrompts) {
			this.maxPrompts = maxPrompts;
		}

	}

	/**
	 * The {@code length_drift} signal.
	 */
	public static class LengthDrift {

		/**
		 * Whether to compare each completion's length with the recent ones of the same
		 * model and prompt version.
		 */
		private boolean enabled = true;

		/**
		 * Number of recent completion lengths kept per model and prompt version.
		 */
		private int window = 200;

		/**
		 * Number of lengths a model and prompt version needs before completions are
		 * judged.
		 */
		private int minSamples = 50;

		/**
		 * How far beyond the 1st and 99th percentiles a length drifts: longer than factor
		 * times the 99th, or shorter than the 1st divided by factor.
		 */
		private double factor = 2.0;

		/**
		 * Maximum number of model and prompt version series kept.
		 */
		private int maxSeries = 1000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getWindow() {
			return this.window;
		}

		public void setWindow(int window) {
			this.window = window;
		}

		public int getMinSamples() {
			return this.minSamples;
		}

		public void setMinSamples(int minSamples) {
			this.minSamples = minSamples;
		}

		public double getFactor() {
			return this.factor;
		}

		public void setFactor(double factor) {
			this.factor = factor;
		}

		public int getMaxSeries() {
			return this.maxSeries;
		}

		public void setMaxSeries(int maxSeries) {
			this.maxSeries = maxSeries;
		}

	}

}
