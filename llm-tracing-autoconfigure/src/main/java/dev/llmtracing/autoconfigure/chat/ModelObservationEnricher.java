package dev.llmtracing.autoconfigure.chat;

import dev.llmtracing.support.ErrorTypes;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.observation.ModelObservationDocumentation.HighCardinalityKeyNames;
import dev.llmtracing.observation.ModelObservationDocumentation.LowCardinalityKeyNames;
import dev.llmtracing.record.ExchangeContent;
import dev.llmtracing.record.JsonText;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;

/**
 * Adds what Spring AI's model observation lacks, before its meters and span are made: the
 * keys of {@link ModelObservationDocumentation}. Low-cardinality keys, which become tags
 * of {@code gen_ai.client.operation} and {@code gen_ai.client.token.usage} and span
 * attributes, always carry a value: {@code gen_ai.provider.name}, {@code error.type}
 * ({@code none} on success) and the bounded {@code llm.prompt.name} and
 * {@code llm.prompt.version}. The IDs ({@code gen_ai.conversation.id},
 * {@code llm.request.id}, {@code llm.user.id}, {@code llm.exchange.id}) are
 * high-cardinality keys: span attributes, never metric tags.
 * <p>
 * Spring AI's embedding observation makes meters of the same names; it gets the same
 * low-cardinality keys (the prompt tags {@code none}), since Prometheus refuses a meter
 * whose tag keys differ from those of the first meter of its name: without them, chat and
 * embedding meters in one application would exclude each other.
 *
 * @author llm-tracing
 */
final class ModelObservationEnricher implements ObservationFilter {

	private final PromptTagLimiter promptTags;

	private final InstrumentationFailures failures;

	private final @Nullable ContentCapture spanContent;

	/**
	 * Create an enricher that puts no content on spans.
	 * @param promptTags bounds the prompt name and version tags
	 * @param failures counts failures of the enricher
	 */
	ModelObservationEnricher(PromptTagLimiter promptTags, InstrumentationFailures failures) {
		this(promptTags, failures, null);
	}

	/**
	 * Create an enricher.
	 * @param promptTags bounds the prompt name and version tags
	 * @param failures counts failures of the enricher
	 * @param spanContent captures the masked and capped messages put on the span as
	 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}, or {@code null}
	 * for none
	 */
	ModelObservationEnricher(PromptTagLimiter promptTags, InstrumentationFailures failures,
			@Nullable ContentCapture spanContent) {
		this.promptTags = promptTags;
		this.failures = failures;
		this.spanContent = spanContent;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		try {
			if (context instanceof ChatModelObservationContext modelContext) {
				enrich(modelContext);
			}
			else if (context instanceof EmbeddingModelObservationContext embeddingContext) {
				addCommon(embeddingContext, embeddingContext.getOperationMetadata().provider());
				addPrompt(embeddingContext, ClientFacts.NONE);
			}
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.ENRICHER, ex);
		}
		return context;
	}

	private void enrich(ChatModelObservationContext context) {
		addCommon(context, context.getOperationMetadata().provider());
		ExchangeCapture capture = context.get(ExchangeCapture.class);
		ClientFacts facts = (capture != null) ? capture.facts() : ClientFacts.NONE;
		addPrompt(context, facts);
		if (capture != null) {
			TracingIds ids = capture.ids();
			String conversationId = (facts.conversationId() != null) ? facts.conversationId() : ids.contextId();
			addHigh(context, HighCardinalityKeyNames.CONVERSATION_ID, conversationId);
			addHigh(context, HighCardinalityKeyNames.REQUEST_ID, ids.requestId());
			addHigh(context, HighCardinalityKeyNames.USER_ID, ids.userId());
			addHigh(context, HighCardinalityKeyNames.EXCHANGE_ID, capture.exchangeId());
			addHigh(context, HighCardinalityKeyNames.REPLAY_OF, capture.replayOf());
		}
		if (this.spanContent != null) {
			ExchangeContent content = this.spanContent.capture(context.getRequest(), context.getResponse());
			if (content != null && content.inputMessages() != null) {
				addHigh(context, HighCardinalityKeyNames.INPUT_MESSAGES, JsonText.write(content.inputMessages()));
				addHigh(context, HighCardinalityKeyNames.OUTPUT_MESSAGES, JsonText.write(content.outputMessages()));
			}
		}
	}

	private static void addCommon(Observation.Context context, @Nullable String provider) {
		context.addLowCardinalityKeyValue(LowCardinalityKeyNames.PROVIDER_NAME
			.withValue((provider != null && !provider.isEmpty()) ? provider : "unknown"));
		Throwable error = context.getError();
		context.addLowCardinalityKeyValue(
				LowCardinalityKeyNames.ERROR_TYPE.withValue((error != null) ? ErrorTypes.of(error) : "none"));
	}

	private void addPrompt(Observation.Context context, ClientFacts facts) {
		context.addLowCardinalityKeyValue(
				LowCardinalityKeyNames.PROMPT_NAME.withValue(this.promptTags.name(facts.promptName())));
		context.addLowCardinalityKeyValue(
				LowCardinalityKeyNames.PROMPT_VERSION.withValue(this.promptTags.version(facts.promptVersion())));
	}

	private static void addHigh(ChatModelObservationContext context, KeyName key, @Nullable String value) {
		if (value != null) {
			context.addHighCardinalityKeyValue(key.withValue(value));
		}
	}

}
