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
		ExchangeIds ids = record.ids();
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, ExchangeFields.EXCHANGE_ID, ids.exchangeId());
		put(fields, keys.requestId(), ids.requestId());
		put(fields, keys.contextId(), ids.contextId());
		put(fields, keys.userId(), ids.userId());
		put(fields, ExchangeFields.TRACE_ID, ids.traceId());
		put(fields, ExchangeFields.SPAN_ID, ids.spanId());
		return fields;
	}

	/**
	 * Return the facts of a record: everything but the IDs.
	 * @param record the record
	 * @return the fields that have a value, in a fixed order
	 */
	public static Map<String, Object> facts(ExchangeRecord record) {
		ExchangeRequest request = record.request();
		ExchangeResponse response = record.response();
		Timing timing = record.timing();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put(ExchangeFields.RECORD_VERSION, RECORD_VERSION);
		put(fields, ExchangeFields.OPERATION_NAME, request.operationName());
		put(fields, ExchangeFields.PROVIDER_NAME, request.providerName());
		put(fields, ExchangeFields.REQUEST_MODEL, request.requestModel());
		put(fields, ExchangeFields.RESPONSE_MODEL, response.responseModel());
		put(fields, ExchangeFields.REQUEST_TEMPERATURE, request.temperature());
		put(fields, ExchangeFields.REQUEST_TOP_P, request.topP());
		put(fields, ExchangeFields.REQUEST_MAX_TOKENS, request.maxTokens());
		fields.putAll(request.options());
		put(fields, ExchangeFields.REQUEST_STREAM, request.stream());
		put(fields, ExchangeFields.RESPONSE_ID, response.responseId());
		if (!response.finishReasons().isEmpty()) {
			fields.put(ExchangeFields.RESPONSE_FINISH_REASONS, response.finishReasons());
		}
		put(fields, ExchangeFields.USAGE_INPUT_TOKENS, record.usage().inputTokens());
		put(fields, ExchangeFields.USAGE_OUTPUT_TOKENS, record.usage().outputTokens());
		if (!record.usage().isKnown() && record.outcome() == Outcome.SUCCESS) {
			fields.put(ExchangeFields.USAGE_REPORTED, false);
		}
		put(fields, ExchangeFields.CONVERSATION_ID, request.conversationId());
		put(fields, ExchangeFields.PROMPT_NAME, request.promptName());
		put(fields, ExchangeFields.PROMPT_VERSION, request.promptVersion());
		fields.put(ExchangeFields.START_TIME, timing.startTime().toString());
		fields.put(ExchangeFields.DURATION_MS, timing.durationMillis());
		put(fields, ExchangeFields.TIME_TO_FIRST_CHUNK_MS, timing.timeToFirstChunkMillis());
		if (record.cost() != null) {
			fields.put(ExchangeFields.COST_AMOUNT, record.cost().amount());
			fields.put(ExchangeFields.COST_CURRENCY, record.cost().currency());
		}
		fields.put(ExchangeFields.OUTCOME, record.outcome().value());
		put(fields, ExchangeFields.REPLAY_OF, record.replayOf());
		put(fields, ExchangeFields.ERROR_TYPE, record.errorType());
		if (!record.signals().isEmpty()) {
			fields.put(ExchangeFields.QUALITY_SIGNALS, record.signals());
		}
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
