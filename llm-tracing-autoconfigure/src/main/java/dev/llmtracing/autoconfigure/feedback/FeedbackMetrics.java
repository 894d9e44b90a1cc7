package dev.llmtracing.autoconfigure.feedback;

import dev.llmtracing.metrics.MetricNames;

import dev.llmtracing.feedback.FeedbackListener;
import dev.llmtracing.feedback.FeedbackRecord;
import dev.llmtracing.feedback.RatedExchange;
import dev.llmtracing.observation.ModelObservationDocumentation.LowCardinalityKeyNames;
import dev.llmtracing.record.ExchangeFields;
import dev.llmtracing.support.BoundedValues;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * Meters of feedback: the count of feedback by name and label, and the distribution of
 * its values by name, each by the provider, requested model and bounded prompt name and
 * version of the rated exchange ({@code unknown} and {@code none} for unlinked feedback).
 * Names and labels are bounded like prompt versions; IDs are never tags.
 *
 * @author llm-tracing
 */
final class FeedbackMetrics implements FeedbackListener {

	private final MeterRegistry registry;

	private final PromptTagLimiter promptTags;

	private final BoundedValues names;

	private final BoundedValues labels;

	/**
	 * Create the meters.
	 * @param registry the registry to register them in
	 * @param promptTags bounds the prompt name and version tags
	 * @param limit the most distinct feedback names, and labels, used as tags
	 */
	public FeedbackMetrics(MeterRegistry registry, PromptTagLimiter promptTags, int limit) {
		this.registry = registry;
		this.promptTags = promptTags;
		this.names = new BoundedValues(limit);
		this.labels = new BoundedValues(limit);
	}

	@Override
	public void onFeedback(FeedbackRecord feedback) {
		RatedExchange exchange = feedback.exchange();
		Tags tags = Tags.of(LowCardinalityKeyNames.PROVIDER_NAME.asString(),
				orUnknown((exchange != null) ? exchange.providerName() : null), ExchangeFields.REQUEST_MODEL,
				orUnknown((exchange != null) ? exchange.requestModel() : null),
				LowCardinalityKeyNames.PROMPT_NAME.asString(),
				this.promptTags.name((exchange != null) ? exchange.promptName() : null),
				LowCardinalityKeyNames.PROMPT_VERSION.asString(),
				this.promptTags.version((exchange != null) ? exchange.promptVersion() : null), "name",
				this.names.bound(feedback.name()));
		Counter.builder(MetricNames.FEEDBACK)
			.description("Feedback on model answers, by name and label")
			.tags(tags)
			.tag("label", this.labels.bound(feedback.label()))
			.register(this.registry)
			.increment();
		if (feedback.value() != null) {
			DistributionSummary.builder(MetricNames.FEEDBACK_SCORE)
				.description("Values of feedback on model answers, by name")
				.tags(tags)
				.register(this.registry)
				.record(feedback.value());
		}
	}

	private static String orUnknown(@Nullable String value) {
		return (value != null) ? value : "unknown";
	}

}
