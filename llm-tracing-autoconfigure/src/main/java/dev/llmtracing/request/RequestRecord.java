package dev.llmtracing.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.llmtracing.context.TracingIds;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The summary of one inbound request: its IDs, route, status and duration, the model
 * calls made for it, and where its time went.
 *
 * @param ids the request, context and user IDs
 * @param traceId the trace ID, or {@code null}
 * @param route the route template, such as {@code /chat/{id}}, or {@code null} when no
 * handler matched or outside HTTP; never the raw URI
 * @param httpStatus the HTTP status, or {@code null} outside HTTP
 * @param startTime when the request started
 * @param durationMillis how long it took, in whole milliseconds
 * @param exchangeIds the exchange IDs of its model calls
 * @param breakdown milliseconds by part, adding up to {@code durationMillis}
 * @param totals totals over its model calls
 * @param outcome how it ended
 * @param errorType the class of the exception it ended with (for a gRPC call, its status
 * code, such as {@code INTERNAL}), or {@code null}
 * @param timeToFirstByteMillis whole milliseconds from its start until the first byte of
 * a streamed (asynchronous) response body was written, or {@code null} for a response
 * that was not streamed or wrote no body
 * @param signals the quality signals seen only at the request's level
 * ({@code output_parse_error}), empty when there are none
 * @param lastModelCall what was asked in the request's last model call, or {@code null}
 * when it made none
 * @param activities its model calls, tool executions, retrievals and stages in the order
 * they started, each with when it ran; not written to the request record's log line
 * @param rpcMethod the full name of the gRPC method, such as
 * {@code llmtracing.sample.ChatService/Chat}, for a gRPC call, or {@code null}
 * @author llm-tracing
 * @since 0.1.0
 */
public record RequestRecord(TracingIds ids, @Nullable String traceId, @Nullable String route,
		@Nullable Integer httpStatus, Instant startTime, long durationMillis, List<String> exchangeIds,
		Map<String, Long> breakdown, RequestTotals totals, Outcome outcome, @Nullable String errorType,
		@Nullable Long timeToFirstByteMillis, List<String> signals, @Nullable ExchangeRequest lastModelCall,
		List<RequestActivity> activities, @Nullable String rpcMethod) {

	public RequestRecord {
		signals = List.copyOf(signals);
		activities = List.copyOf(activities);
	}

	/**
	 * Create the record of a request that is not a gRPC call.
	 * @param ids the request, context and user IDs
	 * @param traceId the trace ID, or {@code null}
	 * @param route the route template, or {@code null}
	 * @param httpStatus the HTTP status, or {@code null} outside HTTP
	 * @param startTime when the request started
	 * @param durationMillis how long it took, in whole milliseconds
	 * @param exchangeIds the exchange IDs of its model calls
	 * @param breakdown milliseconds by part, adding up to {@code durationMillis}
	 * @param totals totals over its model calls
	 * @param outcome how it ended
	 * @param errorType the class of the exception it ended with, or {@code null}
	 * @param timeToFirstByteMillis milliseconds until the first byte of a streamed
	 * response, or {@code null}
	 * @param signals the quality signals seen only at the request's level
	 * @param lastModelCall what was asked in its last model call, or {@code null}
	 * @param activities its model calls, tool executions, retrievals and stages
	 */
	public RequestRecord(TracingIds ids, @Nullable String traceId, @Nullable String route, @Nullable Integer httpStatus,
			Instant startTime, long durationMillis, List<String> exchangeIds, Map<String, Long> breakdown,
			RequestTotals totals, Outcome outcome, @Nullable String errorType, @Nullable Long timeToFirstByteMillis,
			List<String> signals, @Nullable ExchangeRequest lastModelCall, List<RequestActivity> activities) {
		this(ids, traceId, route, httpStatus, startTime, durationMillis, exchangeIds, breakdown, totals, outcome,
				errorType, timeToFirstByteMillis, signals, lastModelCall, activities, null);
	}

	/**
	 * Create a record without a time to first byte, signals or activities.
	 * @param ids the request, context and user IDs
	 * @param traceId the trace ID, or {@code null}
	 * @param route the route template, or {@code null} when no handler matched
	 * @param httpStatus the HTTP status, or {@code null} outside HTTP
	 * @param startTime when the request started
	 * @param durationMillis how long it took, in whole milliseconds
	 * @param exchangeIds the exchange IDs of its model calls
	 * @param breakdown milliseconds by part, adding up to {@code durationMillis}
	 * @param totals totals over its model calls
	 * @param outcome how it ended
	 * @param errorType the class of the exception it ended with, or {@code null}
	 */
	public RequestRecord(TracingIds ids, @Nullable String traceId, @Nullable String route, @Nullable Integer httpStatus,
			Instant startTime, long durationMillis, List<String> exchangeIds, Map<String, Long> breakdown,
			RequestTotals totals, Outcome outcome, @Nullable String errorType) {
		this(ids, traceId, route, httpStatus, startTime, durationMillis, exchangeIds, breakdown, totals, outcome,
				errorType, null, List.of(), null, List.of(), null);
	}

}
