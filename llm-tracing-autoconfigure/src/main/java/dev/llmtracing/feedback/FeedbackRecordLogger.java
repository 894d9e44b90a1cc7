package dev.llmtracing.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.context.MdcKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes each feedback as one INFO event on a dedicated logger (by default
 * {@code llm.tracing.feedback}), the IDs as MDC entries and the rest as SLF4J key-value
 * pairs, like the exchange record, so that any JSON layout writes them as top-level
 * fields.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class FeedbackRecordLogger implements FeedbackListener {

	private final Logger logger;

	private final MdcKeys keys;

	/**
	 * Create a logger of feedback records.
	 * @param loggerName the name of the logger to write to
	 * @param keys the MDC keys of the IDs
	 */
	public FeedbackRecordLogger(String loggerName, MdcKeys keys) {
		this.logger = LoggerFactory.getLogger(loggerName);
		this.keys = keys;
	}

	@Override
	public void onFeedback(FeedbackRecord feedback) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		try {
			ids(feedback, this.keys).forEach(MDC::put);
			LoggingEventBuilder event = this.logger.atInfo();
			facts(feedback).forEach(event::addKeyValue);
			event.log("feedback " + feedback.name() + (feedback.linked() ? " linked" : " unlinked"));
		}
		finally {
			MDC.clear();
		}
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
			put(ids, "traceId", exchange.traceId());
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
		facts.put(FeedbackFields.NAME, feedback.name());
		put(facts, FeedbackFields.SCORE_VALUE, feedback.value());
		put(facts, FeedbackFields.SCORE_LABEL, feedback.label());
		put(facts, FeedbackFields.COMMENT, feedback.comment());
		facts.put(FeedbackFields.LINKED, feedback.linked());
		RatedExchange exchange = feedback.exchange();
		if (exchange != null) {
			put(facts, FeedbackFields.PROVIDER_NAME, exchange.providerName());
			put(facts, FeedbackFields.REQUEST_MODEL, exchange.requestModel());
			put(facts, FeedbackFields.RESPONSE_MODEL, exchange.responseModel());
			put(facts, FeedbackFields.RESPONSE_ID, exchange.responseId());
			put(facts, FeedbackFields.PROMPT_NAME, exchange.promptName());
			put(facts, FeedbackFields.PROMPT_VERSION, exchange.promptVersion());
		}
		return facts;
	}

	private static <V> void put(Map<String, ? super V> fields, String key, @Nullable V value) {
		if (value != null) {
			fields.put(key, value);
		}
	}

}
