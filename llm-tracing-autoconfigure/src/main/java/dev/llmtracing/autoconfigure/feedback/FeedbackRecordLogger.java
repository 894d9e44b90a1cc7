package dev.llmtracing.autoconfigure.feedback;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.feedback.FeedbackListener;
import dev.llmtracing.feedback.FeedbackRecord;
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
 */
final class FeedbackRecordLogger implements FeedbackListener {

	private final Logger logger;

	private final MdcKeys keys;

	/**
	 * Create a logger of feedback records.
	 * @param loggerName the name of the logger to write to
	 * @param keys the MDC keys of the IDs
	 */
	FeedbackRecordLogger(String loggerName, MdcKeys keys) {
		this.logger = LoggerFactory.getLogger(loggerName);
		this.keys = keys;
	}

	@Override
	public void onFeedback(FeedbackRecord feedback) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		try {
			FeedbackRecordFields.ids(feedback, this.keys).forEach(MDC::put);
			LoggingEventBuilder event = this.logger.atInfo();
			FeedbackRecordFields.facts(feedback).forEach(event::addKeyValue);
			event.log("feedback " + feedback.name() + (feedback.linked() ? " linked" : " unlinked"));
		}
		finally {
			MDC.clear();
		}
	}

}
