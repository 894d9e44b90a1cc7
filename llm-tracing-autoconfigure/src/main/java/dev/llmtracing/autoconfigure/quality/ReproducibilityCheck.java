package dev.llmtracing.autoconfigure.quality;

import java.util.Map;
import java.util.Objects;

import dev.llmtracing.record.ExchangeFields;
import dev.llmtracing.record.ExchangeOutput;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.support.BoundedMap;

/**
 * Finds deterministic requests whose answer changed: a request at temperature 0 or with a
 * fixed seed is keyed by its model, options and prompt digest, and its completion digest
 * is compared with the one of the last request with the same key. The keys are kept in a
 * bounded cache, least recently used first out.
 *
 * @author llm-tracing
 */
final class ReproducibilityCheck {

	private final Map<String, String> lastCompletions;

	/**
	 * Create an instance.
	 * @param maxPrompts the most prompts remembered
	 */
	ReproducibilityCheck(int maxPrompts) {
		this.lastCompletions = BoundedMap.leastRecentlyUsed(maxPrompts);
	}

	/**
	 * Return whether a deterministic request was answered differently than the last time.
	 * @param record the record of the exchange
	 * @param output what the model answered
	 * @return whether the completion differs from the last one of the same request;
	 * {@code false} for a request that is not deterministic or was not seen before
	 */
	boolean changed(ExchangeRecord record, ExchangeOutput output) {
		ExchangeRequest request = record.request();
		Object seed = request.options().get(ExchangeFields.REQUEST_SEED);
		boolean deterministic = seed != null || (request.temperature() != null && request.temperature() == 0.0);
		if (!deterministic || output.hasToolCalls()) {
			return false;
		}
		String key = record.model() + '\u0000' + request.temperature() + '\u0000' + seed + '\u0000' + request.topP()
				+ '\u0000' + request.maxTokens() + '\u0000' + output.promptDigest();
		String completion = output.completionDigest();
		String previous;
		synchronized (this.lastCompletions) {
			previous = this.lastCompletions.put(key, completion);
		}
		return previous != null && !Objects.equals(previous, completion);
	}

}
