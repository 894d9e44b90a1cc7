package dev.llmtracing.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;

import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.observation.ModelObservationDocumentation.LowCardinalityKeyNames;
import dev.llmtracing.record.ExchangeFields;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Meters of finished exchanges that Spring AI does not provide: the time to first chunk
 * of streams, the count of calls by outcome and finish reason and by quality signal, and
 * their cost. Tags are the provider, the requested model and the bounded prompt name and
 * version, named as on the model observation's meters; IDs are never tags.
 *
 * @author llm-tracing
 */
final class ExchangeMetrics implements ExchangeListener {

	private static final String NONE = "none";

	private final MeterRegistry registry;

	private final PromptTagLimiter promptTags;

	private final Duration[] ttftBuckets;

	/**
	 * Create the meters.
	 * @param registry the registry to register them in
	 * @param promptTags bounds the prompt name and version tags
	 * @param ttftBuckets the bucket boundaries of the time to first chunk
	 */
	ExchangeMetrics(MeterRegistry registry, PromptTagLimiter promptTags, List<Duration> ttftBuckets) {
		this.registry = registry;
		this.promptTags = promptTags;
		this.ttftBuckets = ttftBuckets.toArray(Duration[]::new);
	}

	@Override
	public void onExchange(ExchangeRecord record) {
		Tags tags = tags(record.request(), this.promptTags);
		Counter.builder(MetricNames.EXCHANGES)
			.description("Model calls by outcome, finish reason and whether the answer was empty")
			.tags(tags)
			.tag("outcome", record.outcome().value())
			.tag("finish_reason", finishReason(record.response().finishReasons()))
			.tag("empty", Boolean.toString(record.response().empty()))
			.register(this.registry)
			.increment();
		Long timeToFirstChunk = record.timing().timeToFirstChunkNanos();
		if (timeToFirstChunk != null) {
			Timer.builder(MetricNames.TIME_TO_FIRST_CHUNK)
				.description("Time from the start of a streamed model call to its first chunk with content")
				.tags(tags)
				.serviceLevelObjectives(this.ttftBuckets)
				.register(this.registry)
				.record(Duration.ofNanos(timeToFirstChunk));
		}
		recordCost(record, tags);
		for (String signal : record.signals()) {
			countSignal(this.registry, tags, signal);
		}
		if (!record.usage().isKnown() && record.outcome() == Outcome.SUCCESS) {
			Counter.builder(MetricNames.USAGE_UNREPORTED)
				.description("Successful model calls whose provider reported no token usage")
				.tags(tags)
				.register(this.registry)
				.increment();
		}
	}

	private void recordCost(ExchangeRecord record, Tags tags) {
		if (record.cost() != null) {
			Counter.builder(MetricNames.COST)
				.description("Cost of model calls, from the configured price table")
				.tags(tags)
				.tag("currency", record.cost().currency())
				.register(this.registry)
				.increment(record.cost().amount().doubleValue());
		}
		else if (record.usage().isKnown()) {
			Counter.builder(MetricNames.UNPRICED)
				.description("Model calls with token usage whose model has no price in the price table")
				.tags(tags)
				.register(this.registry)
				.increment();
		}
	}

	/**
	 * Return the tags of the meters of a model call.
	 * @param request what was asked of the model
	 * @param promptTags bounds the prompt name and version tags
	 * @return the provider, request model, prompt name and version tags
	 */
	static Tags tags(ExchangeRequest request, PromptTagLimiter promptTags) {
		return Tags.of(LowCardinalityKeyNames.PROVIDER_NAME.asString(), orUnknown(request.providerName()),
				ExchangeFields.REQUEST_MODEL, orUnknown(request.requestModel()),
				LowCardinalityKeyNames.PROMPT_NAME.asString(), promptTags.name(request.promptName()),
				LowCardinalityKeyNames.PROMPT_VERSION.asString(), promptTags.version(request.promptVersion()));
	}

	/**
	 * Count a quality signal.
	 * @param registry the registry of the counter
	 * @param tags the tags of the model call
	 * @param signal the signal
	 */
	static void countSignal(MeterRegistry registry, Tags tags, String signal) {
		Counter.builder(MetricNames.QUALITY_SIGNAL)
			.description("Model calls by quality signal: truncated, refusal, empty, nondeterministic...")
			.tags(tags)
			.tag("signal", signal)
			.register(registry)
			.increment();
	}

	private static String finishReason(List<String> reasons) {
		return reasons.isEmpty() ? NONE : reasons.get(0);
	}

	private static String orUnknown(@Nullable String value) {
		return (value != null) ? value : "unknown";
	}

}
