package dev.llmtracing.record;

import dev.llmtracing.context.MdcKeys;
import org.jspecify.annotations.Nullable;

/**
 * Writes each exchange as one INFO event on a dedicated logger. The record's facts are
 * SLF4J key-value pairs and its IDs are MDC entries, so that every JSON layout
 * (logstash-logback-encoder, Spring Boot's structured logging) writes them as top-level
 * fields, and a plain-text pattern with {@code %X{requestId}} shows them. The message is
 * a short human-readable summary.
 * <p>
 * Runs on the dispatcher's thread, whose MDC holds nothing else, so no field is written
 * twice. Written through a {@link RecordLogWriter}, which hands Spring Boot's structured
 * logging the fields already rendered when that gives the same line.
 *
 * @author llm-tracing
 */
public class ExchangeRecordLogger implements ExchangeListener {

	private final RecordLogWriter writer;

	private final MdcKeys keys;

	/**
	 * Create a record logger.
	 * @param loggerName the name of the logger to write to
	 * @param keys the MDC keys of the IDs
	 */
	public ExchangeRecordLogger(String loggerName, MdcKeys keys) {
		this.writer = new RecordLogWriter(loggerName);
		this.keys = keys;
	}

	@Override
	public void onExchange(ExchangeRecord record) {
		if (this.writer.isEnabled()) {
			this.writer.write(ExchangeRecordFields.ids(record, this.keys), ExchangeRecordFields.facts(record),
					summary(record));
		}
	}

	static String summary(ExchangeRecord record) {
		StringBuilder summary = new StringBuilder(96);
		summary.append(record.request().operationName()).append(' ').append(orUnknown(record.model()));
		summary.append(record.request().stream() ? " stream " : " call ").append(record.outcome().value());
		// one decimal without String.format, which costs a Formatter per record
		long tenths = Math.round(record.timing().durationMillis() * 10);
		summary.append(" in ").append(tenths / 10).append('.').append(Math.abs(tenths % 10)).append(" ms");
		TokenUsage usage = record.usage();
		if (usage.isKnown()) {
			summary.append(", tokens ").append(orUnknown(usage.inputTokens())).append(" in / ");
			summary.append(orUnknown(usage.outputTokens())).append(" out");
		}
		else if (record.outcome() == Outcome.SUCCESS) {
			summary.append(", usage not reported");
		}
		if (record.errorType() != null) {
			summary.append(", error ").append(record.errorType());
		}
		return summary.toString();
	}

	private static String orUnknown(@Nullable Object value) {
		return (value != null) ? value.toString() : "?";
	}

}
