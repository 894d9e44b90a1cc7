package dev.llmtracing.record;

import java.util.Locale;

import dev.llmtracing.context.MdcKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes each exchange as one INFO event on a dedicated logger (by default
 * {@value #DEFAULT_LOGGER_NAME}). The record's facts are SLF4J key-value pairs and its
 * IDs are MDC entries, so that every JSON layout (logstash-logback-encoder, Spring Boot's
 * structured logging) writes them as top-level fields, and a plain-text pattern with
 * {@code %X{requestId}} shows them. The message is a short human-readable summary.
 * <p>
 * Runs on the dispatcher's thread, whose MDC holds nothing else, so no field is written
 * twice.
 *
 * @author llm-tracing
 */
public class ExchangeRecordLogger implements ExchangeListener {

	/**
	 * The default name of the exchange logger.
	 */
	public static final String DEFAULT_LOGGER_NAME = "llm.tracing.exchange";

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
			putMdc(ExchangeFields.EXCHANGE_ID, record.exchangeId());
			putMdc(this.keys.requestId(), record.requestId());
			putMdc(this.keys.contextId(), record.contextId());
			putMdc(this.keys.userId(), record.userId());
			putMdc(ExchangeFields.TRACE_ID, record.traceId());
			putMdc(ExchangeFields.SPAN_ID, record.spanId());
			LoggingEventBuilder event = this.logger.atInfo();
			addFields(event, record);
			event.log(summary(record));
		}
		finally {
			MDC.clear();
		}
	}

	private void addFields(LoggingEventBuilder event, ExchangeRecord record) {
		add(event, ExchangeFields.OPERATION_NAME, record.operationName());
		add(event, ExchangeFields.PROVIDER_NAME, record.providerName());
		add(event, ExchangeFields.REQUEST_MODEL, record.requestModel());
		add(event, ExchangeFields.RESPONSE_MODEL, record.responseModel());
		add(event, ExchangeFields.REQUEST_TEMPERATURE, record.temperature());
		add(event, ExchangeFields.REQUEST_TOP_P, record.topP());
		add(event, ExchangeFields.REQUEST_MAX_TOKENS, record.maxTokens());
		add(event, ExchangeFields.REQUEST_STREAM, record.stream());
		add(event, ExchangeFields.RESPONSE_ID, record.responseId());
		if (!record.finishReasons().isEmpty()) {
			event.addKeyValue(ExchangeFields.RESPONSE_FINISH_REASONS, record.finishReasons());
		}
		add(event, ExchangeFields.USAGE_INPUT_TOKENS, record.inputTokens());
		add(event, ExchangeFields.USAGE_OUTPUT_TOKENS, record.outputTokens());
		add(event, ExchangeFields.CONVERSATION_ID, record.conversationId());
		add(event, ExchangeFields.PROMPT_NAME, record.promptName());
		add(event, ExchangeFields.PROMPT_VERSION, record.promptVersion());
		add(event, ExchangeFields.START_TIME, record.startTime().toString());
		event.addKeyValue(ExchangeFields.DURATION_MS, record.durationMillis());
		add(event, ExchangeFields.TIME_TO_FIRST_CHUNK_MS, record.timeToFirstChunkMillis());
		if (record.cost() != null) {
			event.addKeyValue(ExchangeFields.COST_AMOUNT, record.cost().amount());
			event.addKeyValue(ExchangeFields.COST_CURRENCY, record.cost().currency());
		}
		event.addKeyValue(ExchangeFields.OUTCOME, record.outcome().value());
		add(event, ExchangeFields.ERROR_TYPE, record.errorType());
	}

	static String summary(ExchangeRecord record) {
		StringBuilder summary = new StringBuilder(96);
		summary.append(record.operationName()).append(' ').append(orUnknown(record.model()));
		summary.append(record.stream() ? " stream " : " call ").append(record.outcome().value());
		summary.append(" in ").append(String.format(Locale.ROOT, "%.1f", record.durationMillis())).append(" ms");
		if (record.inputTokens() != null || record.outputTokens() != null) {
			summary.append(", tokens ").append(orUnknown(record.inputTokens())).append(" in / ");
			summary.append(orUnknown(record.outputTokens())).append(" out");
		}
		if (record.errorType() != null) {
			summary.append(", error ").append(record.errorType());
		}
		return summary.toString();
	}

	private static String orUnknown(@Nullable Object value) {
		return (value != null) ? value.toString() : "?";
	}

	private static void add(LoggingEventBuilder event, String key, @Nullable Object value) {
		if (value != null) {
			event.addKeyValue(key, value);
		}
	}

	private static void putMdc(String key, @Nullable String value) {
		if (value != null) {
			MDC.put(key, value);
		}
	}

}
