package dev.llmtracing.autoconfigure.request;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.RecordLogWriter;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.request.RequestRecord;

/**
 * Writes each request as one INFO event on a dedicated logger, the way the exchange
 * records are written: facts as SLF4J key-value pairs, IDs as MDC entries, and a short
 * summary as the message, through a {@link RecordLogWriter}.
 *
 * @author llm-tracing
 */
final class RequestRecordLogger implements RequestListener {

	private final RecordLogWriter writer;

	private final MdcKeys keys;

	/**
	 * Create a record logger.
	 * @param loggerName the name of the logger to write to
	 * @param keys the MDC keys of the IDs
	 */
	RequestRecordLogger(String loggerName, MdcKeys keys) {
		this.writer = new RecordLogWriter(loggerName);
		this.keys = keys;
	}

	@Override
	public void onRequest(RequestRecord record) {
		if (this.writer.isEnabled()) {
			this.writer.write(RequestRecordFields.ids(record, this.keys), RequestRecordFields.facts(record),
					summary(record));
		}
	}

	static String summary(RequestRecord record) {
		StringBuilder summary = new StringBuilder(96);
		String name = (record.route() != null) ? record.route() : record.rpcMethod();
		summary.append("request ").append((name != null) ? name : "?");
		summary.append(' ').append(record.outcome().value()).append(" in ").append(record.durationMillis());
		summary.append(" ms, ").append(record.totals().modelCalls()).append(" model call(s): ");
		summary.append(record.breakdown());
		return summary.toString();
	}

}
