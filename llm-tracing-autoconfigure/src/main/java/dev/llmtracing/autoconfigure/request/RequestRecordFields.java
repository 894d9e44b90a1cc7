package dev.llmtracing.autoconfigure.request;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.ExchangeFields;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.request.RequestTotals;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link RequestRecord} into ordered field maps: the IDs, and the facts of the
 * request. Fields without a value are left out.
 *
 * @author llm-tracing
 */
public final class RequestRecordFields {

	/**
	 * The version of the request record's JSON schema.
	 */
	public static final int RECORD_VERSION = 1;

	/** The route template, as in the OpenTelemetry HTTP conventions. */
	public static final String ROUTE = "http.route";

	/** The HTTP status, as in the OpenTelemetry HTTP conventions. */
	public static final String HTTP_STATUS = "http.response.status_code";

	/** The gRPC service of a gRPC call, as in the OpenTelemetry RPC conventions. */
	public static final String RPC_SERVICE = "rpc.service";

	/** The gRPC method of a gRPC call, as in the OpenTelemetry RPC conventions. */
	public static final String RPC_METHOD = "rpc.method";

	/** The exchange IDs of the model calls of the request. */
	public static final String EXCHANGE_IDS = "exchangeIds";

	/** Milliseconds by part. */
	public static final String BREAKDOWN = "breakdown";

	/** Milliseconds until the first byte of a streamed response body. */
	public static final String TIME_TO_FIRST_BYTE_MS = "timeToFirstByteMs";

	/** The number of model calls. */
	public static final String MODEL_CALLS = "llm.request.model_calls";

	private RequestRecordFields() {
	}

	/**
	 * Return the IDs of a record.
	 * @param record the record
	 * @param keys the field names of the request, context and user IDs
	 * @return the IDs that have a value
	 */
	public static Map<String, String> ids(RequestRecord record, MdcKeys keys) {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, keys.requestId(), record.ids().requestId());
		put(fields, keys.contextId(), record.ids().contextId());
		put(fields, keys.userId(), record.ids().userId());
		put(fields, ExchangeFields.TRACE_ID, record.traceId());
		return fields;
	}

	/**
	 * Return the facts of a record: everything but the IDs.
	 * @param record the record
	 * @return the fields that have a value, in a fixed order
	 */
	public static Map<String, Object> facts(RequestRecord record) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put(ExchangeFields.RECORD_VERSION, RECORD_VERSION);
		put(fields, ROUTE, record.route());
		put(fields, HTTP_STATUS, record.httpStatus());
		String rpcMethod = record.rpcMethod();
		if (rpcMethod != null) {
			int slash = rpcMethod.lastIndexOf('/');
			put(fields, RPC_SERVICE, (slash > 0) ? rpcMethod.substring(0, slash) : null);
			fields.put(RPC_METHOD, rpcMethod.substring(slash + 1));
		}
		fields.put(ExchangeFields.START_TIME, record.startTime().toString());
		fields.put(ExchangeFields.DURATION_MS, record.durationMillis());
		put(fields, TIME_TO_FIRST_BYTE_MS, record.timeToFirstByteMillis());
		fields.put(EXCHANGE_IDS, record.exchangeIds());
		fields.put(BREAKDOWN, record.breakdown());
		RequestTotals totals = record.totals();
		fields.put(MODEL_CALLS, totals.modelCalls());
		put(fields, ExchangeFields.USAGE_INPUT_TOKENS, totals.inputTokens());
		put(fields, ExchangeFields.USAGE_OUTPUT_TOKENS, totals.outputTokens());
		put(fields, ExchangeFields.COST_AMOUNT, totals.cost());
		put(fields, ExchangeFields.COST_CURRENCY, totals.currency());
		fields.put(ExchangeFields.OUTCOME, record.outcome().value());
		put(fields, ExchangeFields.ERROR_TYPE, record.errorType());
		if (!record.signals().isEmpty()) {
			fields.put(ExchangeFields.QUALITY_SIGNALS, record.signals());
		}
		return fields;
	}

	/**
	 * Return all fields of a record, IDs first.
	 * @param record the record
	 * @param keys the field names of the request, context and user IDs
	 * @return the fields that have a value
	 */
	public static Map<String, Object> all(RequestRecord record, MdcKeys keys) {
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
