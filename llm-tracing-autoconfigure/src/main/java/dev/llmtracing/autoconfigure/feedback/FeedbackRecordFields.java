package dev.llmtracing.autoconfigure.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.feedback.FeedbackRecord;
import dev.llmtracing.feedback.RatedExchange;
import dev.llmtracing.record.ExchangeFields;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link FeedbackRecord} into ordered field maps: the IDs, and the facts of the
 * feedback, as the feedback logger writes them and the explorer shows them. The IDs are
 * named as in the exchange record ({@code exchangeId}, the request, context and user ID
 * keys, {@code traceId} and {@code spanId} of the rated exchange), so that a log store
 * joins the two. Fields without a value are left out.
 *
 * @author llm-tracing
 */
public final class FeedbackRecordFields {

	/** The name of the feedback, such as {@code thumbs}. */
	public static final String NAME = "gen_ai.evaluation.name";

	/** The numeric value of the feedback. */
	public static final String SCORE_VALUE = "gen_ai.evaluation.score.value";

	/** The label of the feedback. */
	public static final String SCORE_LABEL = "gen_ai.evaluation.score.label";

	/** The masked, capped comment, only when content capture is on. */
	public static final String COMMENT = "llm.feedback.comment";

	/** Whether the rated exchange was in the index of recent exchanges. */
	public static final String LINKED = "llm.feedback.linked";

	/** The provider of the rated exchange. */
	public static final String PROVIDER_NAME = "gen_ai.provider.name";

	/** The model asked for in the rated exchange. */
	public static final String REQUEST_MODEL = "gen_ai.request.model";

	/** The model that answered in the rated exchange. */
	public static final String RESPONSE_MODEL = "gen_ai.response.model";

	/** The provider's ID of the rated response. */
	public static final String RESPONSE_ID = "gen_ai.response.id";

	/** The name of the prompt template of the rated exchange. */
	public static final String PROMPT_NAME = "llm.prompt.name";

	/** The version of the prompt template of the rated exchange. */
	public static final String PROMPT_VERSION = "llm.prompt.version";

	private FeedbackRecordFields() {
	}

	/**
	 * Return the IDs of a feedback record, named as in the exchange record.
	 * @param feedback the feedback
	 * @param keys the field names of the request, context and user IDs
	 * @return the IDs that have a value, in a fixed order
	 */
	public static Map<String, String> ids(FeedbackRecord feedback, MdcKeys keys) {
		Map<String, String> ids = new LinkedHashMap<>();
		put(ids, "exchangeId", feedback.exchangeId());
		put(ids, keys.requestId(), feedback.requestId());
		put(ids, keys.contextId(), feedback.contextId());
		put(ids, keys.userId(), feedback.userId());
		RatedExchange exchange = feedback.exchange();
		if (exchange != null) {
			put(ids, ExchangeFields.TRACE_ID, exchange.traceId());
			put(ids, "spanId", exchange.spanId());
		}
		return ids;
	}

	/**
	 * Return the facts of a feedback record: everything but the IDs.
	 * @param feedback the feedback
	 * @return the fields that have a value, in a fixed order
	 */
	public static Map<String, Object> facts(FeedbackRecord feedback) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put(NAME, feedback.name());
		put(facts, SCORE_VALUE, feedback.value());
		put(facts, SCORE_LABEL, feedback.label());
		put(facts, COMMENT, feedback.comment());
		facts.put(LINKED, feedback.linked());
		RatedExchange exchange = feedback.exchange();
		if (exchange != null) {
			put(facts, PROVIDER_NAME, exchange.providerName());
			put(facts, REQUEST_MODEL, exchange.requestModel());
			put(facts, RESPONSE_MODEL, exchange.responseModel());
			put(facts, RESPONSE_ID, exchange.responseId());
			put(facts, PROMPT_NAME, exchange.promptName());
			put(facts, PROMPT_VERSION, exchange.promptVersion());
		}
		return facts;
	}

	private static <V> void put(Map<String, ? super V> fields, String key, @Nullable V value) {
		if (value != null) {
			fields.put(key, value);
		}
	}

}
