package dev.llmtracing.record;

import dev.llmtracing.context.MdcKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes each exchange as one INFO event on a dedicated logger. The record's facts are
 * SLF4J key-value pairs and its IDs are MDC entries, so that every JSON layout
 * (logstash-logback-encoder, Spring Boot's structured logging) writes them as top-level
 * fields, and a plain-text pattern with {@code %X{requestId}} shows them. The message is
 * a short human-readable summary.
 * <p>
 * Runs on the dispatcher's thread, whose MDC holds nothing else, so no field is written
 * twice.
 *
 * @author llm-tracing
 */
public class ExchangeRecordLogger implements ExchangeListener {

	private final Logger logger;

	private final MdcKeys keys;

	/**
	 * Create a record logger.
	 * @param loggerName the name of the logger to write to
	 * @param keys the MDC keys of the IDs
	 */
	public ExchangeRecordLogger(String loggerName, MdcKeys keys) {
		this.logger = LoggerFactory.getLogger(loggerName);
		this.keys = keys;
	}

	@Override
	public void onExchange(ExchangeRecord record) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		try {
			ExchangeRecordFields.ids(record, this.keys).forEach(MDC::put);
			LoggingEventBuilder event = this.logger.atInfo();
			ExchangeRecordFields.facts(record).forEach(event::addKeyValue);
			event.log(summary(record));
		}
		finally {
			MDC.clear();
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
