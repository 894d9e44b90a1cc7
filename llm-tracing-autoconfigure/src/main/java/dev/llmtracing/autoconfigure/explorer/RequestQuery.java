package dev.llmtracing.autoconfigure.explorer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

import dev.llmtracing.context.TracingIds;
import dev.llmtracing.request.RequestRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * Which recent requests to show: every criterion given must match, IDs and outcome
 * exactly, the model against any model call of the request, and the time range against
 * the request's start ({@code from} included, {@code to} excluded).
 *
 * @param requestId the request ID, or {@code null}
 * @param contextId the context ID, or {@code null}
 * @param userId the user ID, or {@code null}
 * @param model a model asked for or answering, or {@code null}
 * @param outcome the request's outcome, such as {@code error}, or {@code null}
 * @param from the earliest start, or {@code null}
 * @param to the start before which requests must have started, or {@code null}
 * @author llm-tracing
 */
record RequestQuery(@Nullable String requestId, @Nullable String contextId, @Nullable String userId,
		@Nullable String model, @Nullable String outcome, @Nullable Instant from,
		@Nullable Instant to) implements Predicate<RecentRequest> {

	/**
	 * Create a query from the endpoint's parameters; blank ones are ignored.
	 * @param requestId the request ID
	 * @param contextId the context ID
	 * @param userId the user ID
	 * @param model the model
	 * @param outcome the outcome
	 * @param from the earliest start, as an ISO-8601 instant
	 * @param to the latest start (excluded), as an ISO-8601 instant
	 * @return the query
	 * @throws InvalidEndpointRequestException if a time is not an ISO-8601 instant
	 */
	static RequestQuery of(@Nullable String requestId, @Nullable String contextId, @Nullable String userId,
			@Nullable String model, @Nullable String outcome, @Nullable String from, @Nullable String to) {
		return new RequestQuery(blankToNull(requestId), blankToNull(contextId), blankToNull(userId), blankToNull(model),
				blankToNull(outcome), instant("from", from), instant("to", to));
	}

	@Override
	public boolean test(RecentRequest request) {
		RequestRecord record = request.record;
		TracingIds ids = record.ids();
		return matches(this.requestId, ids.requestId()) && matches(this.contextId, ids.contextId())
				&& matches(this.userId, ids.userId()) && matches(this.outcome, record.outcome().value())
				&& (this.model == null || request.usedModel(this.model))
				&& (this.from == null || !record.startTime().isBefore(this.from))
				&& (this.to == null || record.startTime().isBefore(this.to));
	}

	private static boolean matches(@Nullable String wanted, @Nullable String actual) {
		return wanted == null || wanted.equals(actual);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static @Nullable Instant instant(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidEndpointRequestException("'" + name + "' must be an ISO-8601 instant",
					"'" + name + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
		}
	}

}
