package dev.llmtracing.autoconfigure.quality;

import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.quality.QualitySignal;
import dev.llmtracing.record.ExchangeOutput;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeSignalDetector;
import dev.llmtracing.record.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Names the {@link QualitySignal quality signals} of each successful exchange, from its
 * record and its answer, with no further model call. Failed and cancelled calls get no
 * signal: their outcome says enough. Runs where the record is built, on the exchange
 * dispatcher's thread.
 *
 * @author llm-tracing
 */
final class QualitySignals implements ExchangeSignalDetector {

	private final RefusalPhrases refusals;

	private final LatencyObjectives latency;

	private final @Nullable ReproducibilityCheck reproducibility;

	private final @Nullable LengthDrift lengthDrift;

	private final @Nullable ToolFailures toolFailures;

	/**
	 * Create an instance.
	 * @param refusals finds refusals
	 * @param latency the latency objectives of the models
	 * @param reproducibility finds changed answers to deterministic requests, or
	 * {@code null} to not look for them
	 * @param lengthDrift finds completions of unusual length, or {@code null} to not look
	 * for them
	 * @param toolFailures the tool calls that failed, or {@code null} to not look for
	 * them
	 */
	QualitySignals(RefusalPhrases refusals, LatencyObjectives latency, @Nullable ReproducibilityCheck reproducibility,
			@Nullable LengthDrift lengthDrift, @Nullable ToolFailures toolFailures) {
		this.toolFailures = toolFailures;
		this.refusals = refusals;
		this.latency = latency;
		this.reproducibility = reproducibility;
		this.lengthDrift = lengthDrift;
	}

	@Override
	public List<String> detect(ExchangeRecord record, ExchangeOutput output) {
		if (record.outcome() != Outcome.SUCCESS) {
			return List.of();
		}
		List<String> signals = null;
		for (String reason : record.response().finishReasons()) {
			if (reason.equals("length") || reason.equals("max_tokens")) {
				signals = add(signals, QualitySignal.TRUNCATED);
			}
			else if (reason.equals("content_filter") || reason.equals("safety")) {
				signals = add(signals, QualitySignal.CONTENT_FILTER);
			}
		}
		if (record.response().empty()) {
			signals = add(signals, QualitySignal.EMPTY);
		}
		if (this.toolFailures != null && this.toolFailures.anyFailed(output.toolResultIds())) {
			signals = add(signals, QualitySignal.TOOL_ERROR);
		}
		String completion = output.completion();
		if (this.refusals.isRefusal(completion)) {
			signals = add(signals, QualitySignal.REFUSAL);
		}
		if (this.latency.isSlow(record.model(), record.request().requestModel(), record.timing().durationNanos())) {
			signals = add(signals, QualitySignal.SLOW);
		}
		if (this.reproducibility != null && this.reproducibility.changed(record, output)) {
			signals = add(signals, QualitySignal.NONDETERMINISTIC);
		}
		if (this.lengthDrift != null && !completion.isEmpty() && this.lengthDrift.drifts(record, completion.length())) {
			signals = add(signals, QualitySignal.LENGTH_DRIFT);
		}
		return (signals != null) ? signals : List.of();
	}

	private static List<String> add(@Nullable List<String> signals, QualitySignal signal) {
		List<String> result = (signals != null) ? signals : new ArrayList<>(2);
		if (!result.contains(signal.value())) {
			result.add(signal.value());
		}
		return result;
	}

}
