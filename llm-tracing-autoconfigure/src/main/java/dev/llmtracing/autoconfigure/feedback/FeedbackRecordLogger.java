package dev.llmtracing.autoconfigure.feedback;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.feedback.FeedbackListener;
import dev.llmtracing.feedback.FeedbackRecord;
import dev.llmtracing.record.RecordLogWriter;

/**
 * Writes each feedback as one INFO event on a dedicated logger (by default
 * {@code llm.tracing.feedback}), the IDs as MDC entries and the rest as SLF4J key-value
 * pairs, through the {@link RecordLogWriter} of the exchange record, so that any JSON
 * layout writes them as top-level fields.
 *
 * @author llm-tracing
 */
final class FeedbackRecordLogger implements FeedbackListener {

	private final RecordLogWriter writer;

	private final MdcKeys keys;

	/**
	 * Create a logger of feedback records.
	 * @param loggerName the name of the logger to write to
	 * @param keys the MDC keys of the IDs
	 */
	FeedbackRecordLogger(String loggerName, MdcKeys keys) {
		this.writer = new RecordLogWriter(loggerName);
		this.keys = keys;
	}

	@Override
	public void onFeedback(FeedbackRecord feedback) {
		if (this.writer.isEnabled()) {
			this.writer.write(FeedbackRecordFields.ids(feedback, this.keys), FeedbackRecordFields.facts(feedback),
					"feedback " + feedback.name() + (feedback.linked() ? " linked" : " unlinked"));
		}
	}

}
