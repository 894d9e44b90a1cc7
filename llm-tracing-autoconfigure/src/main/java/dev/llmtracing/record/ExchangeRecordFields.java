package dev.llmtracing.record;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.context.MdcKeys;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link ExchangeRecord} into ordered field maps, named as in
 * {@link ExchangeFields}: the IDs, and the facts of the call. Fields without a value are
 * left out. Values are strings, numbers, booleans, lists and maps, ready for any JSON
 * writer.
 *
 * @author llm-tracing
 */
public final class ExchangeRecordFields {

	/**
	 * The version of the record's JSON schema, written as
	 * {@value ExchangeFields#RECORD_VERSION}.
	 */
	public static final int RECORD_VERSION = 1;

	private ExchangeRecordFields() {
	}

	/**
	 * Return the IDs of a record.
	 * @param record the record
	 * @param keys the field names of the request, context and user IDs
	 * @return the IDs that have a value, in a fixed order
	 */
	public static Map<String, String> ids(ExchangeRecord record, MdcKeys keys) {
		Map<String, String> ids = new LinkedHashMap<>();
		put(ids, ExchangeFields.EXCHANGE_ID, record.exchangeId());
		put(ids, keys.requestId(), record.requestId());
		put(ids, keys.contextId(), record.contextId());
		put(ids, keys.userId(), record.userId());
		put(ids, ExchangeFields.TRACE_ID, record.traceId());
		put(ids, ExchangeFields.SPAN_ID, record.spanId());
		return ids;
	}

	/**
	 * Return the facts of a record: everything but the IDs.
	 * @param record the record
	 * @return the fields that have a value, in a fixed order
	 */
	public static Map<String, Object> facts(ExchangeRecord record) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put(ExchangeFields.RECORD_VERSION, RECORD_VERSION);
		put(fields, ExchangeFields.OPERATION_NAME, record.operationName());
		put(fields, ExchangeFields.PROVIDER_NAME, record.providerName());
		put(fields, ExchangeFields.REQUEST_MODEL, record.requestModel());
		put(fields, ExchangeFields.RESPONSE_MODEL, record.responseModel());
		put(fields, ExchangeFields.REQUEST_TEMPERATURE, record.temperature());
		put(fields, ExchangeFields.REQUEST_TOP_P, record.topP());
		put(fields, ExchangeFields.REQUEST_MAX_TOKENS, record.maxTokens());
		fields.putAll(record.requestOptions());
		put(fields, ExchangeFields.REQUEST_STREAM, record.stream());
		put(fields, ExchangeFields.RESPONSE_ID, record.responseId());
		if (!record.finishReasons().isEmpty()) {
			fields.put(ExchangeFields.RESPONSE_FINISH_REASONS, record.finishReasons());
		}
		put(fields, ExchangeFields.USAGE_INPUT_TOKENS, record.inputTokens());
		put(fields, ExchangeFields.USAGE_OUTPUT_TOKENS, record.outputTokens());
		put(fields, ExchangeFields.CONVERSATION_ID, record.conversationId());
		put(fields, ExchangeFields.PROMPT_NAME, record.promptName());
		put(fields, ExchangeFields.PROMPT_VERSION, record.promptVersion());
		fields.put(ExchangeFields.START_TIME, record.startTime().toString());
		fields.put(ExchangeFields.DURATION_MS, record.durationMillis());
		put(fields, ExchangeFields.TIME_TO_FIRST_CHUNK_MS, record.timeToFirstChunkMillis());
		if (record.cost() != null) {
			fields.put(ExchangeFields.COST_AMOUNT, record.cost().amount());
			fields.put(ExchangeFields.COST_CURRENCY, record.cost().currency());
		}
		fields.put(ExchangeFields.OUTCOME, record.outcome().value());
		put(fields, ExchangeFields.REPLAY_OF, record.replayOf());
		put(fields, ExchangeFields.ERROR_TYPE, record.errorType());
		ExchangeContent content = record.content();
		if (content != null) {
			fields.put(ExchangeFields.CONTENT_MODE, content.mode());
			put(fields, ExchangeFields.CONTENT_DIGEST, content.digest());
			put(fields, ExchangeFields.INPUT_MESSAGES, content.inputMessages());
			put(fields, ExchangeFields.OUTPUT_MESSAGES, content.outputMessages());
			put(fields, ExchangeFields.TOOL_DEFINITIONS, content.toolDefinitions());
			put(fields, ExchangeFields.CONTENT_ENCRYPTED, content.encrypted());
			if (content.truncated()) {
				fields.put(ExchangeFields.CONTENT_TRUNCATED, true);
			}
		}
		return fields;
	}

	/**
	 * Return all fields of a record, IDs first.
	 * @param record the record
	 * @param keys the field names of the request, context and user IDs
	 * @return the fields that have a value
	 */
	public static Map<String, Object> all(ExchangeRecord record, MdcKeys keys) {
		Map<String, Object> fields = new LinkedHashMap<>(ids(record, keys));
		fields.putAll(facts(record));
		return fields;
	}

	private static <V> void put(Map<String, ? super V> fields, String key, @Nullable V value) {
		if (value != null) {
			fields.put(key, value);
		}
	}

}
