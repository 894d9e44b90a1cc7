package dev.llmtracing.autoconfigure.explorer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Actuator endpoint {@code llmrequests}: the recent requests of this instance, newest
 * first, each with its request record, the records of its model calls and its feedback,
 * in the fields of the JSON records. Read-only; like every endpoint but health it is not
 * exposed over HTTP unless {@code management.endpoints.web.exposure.include} names it.
 * Content is shown as it was captured; encrypted content stays encrypted.
 *
 * @author llm-tracing
 */
@Endpoint(id = "llmrequests")
final class LlmRequestsEndpoint {

	private final RecentRequests recent;

	private final @Nullable String traceUrlTemplate;

	LlmRequestsEndpoint(RecentRequests recent, @Nullable String traceUrlTemplate) {
		this.recent = recent;
		this.traceUrlTemplate = traceUrlTemplate;
	}

	/**
	 * Return the recent requests that match every criterion given.
	 * @param requestId the request ID
	 * @param contextId the context ID
	 * @param userId the user ID
	 * @param model a model asked for or answering in one of the request's model calls
	 * @param outcome the request's outcome, {@code success} or {@code error}
	 * @param from the earliest start, an ISO-8601 instant
	 * @param to the start before which the requests started, an ISO-8601 instant
	 * @param limit the most requests to return
	 * @return the requests, newest first, and the state of the ring
	 */
	@ReadOperation
	public Map<String, Object> requests(@Nullable String requestId, @Nullable String contextId, @Nullable String userId,
			@Nullable String model, @Nullable String outcome, @Nullable String from, @Nullable String to,
			@Nullable Integer limit) {
		RequestQuery query = RequestQuery.of(requestId, contextId, userId, model, outcome, from, to);
		int max = (limit != null && limit > 0) ? limit : Integer.MAX_VALUE;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("requests", this.recent.find(query, max));
		if (this.traceUrlTemplate != null) {
			result.put("traceUrlTemplate", this.traceUrlTemplate);
		}
		result.put("ring", this.recent.state());
		return result;
	}

}
