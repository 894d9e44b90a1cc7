package dev.llmtracing.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.llmtracing.cost.Cost;
import org.jspecify.annotations.Nullable;

/**
 * What was recorded of one model call (one exchange of a prompt for a response). Field
 * names in the JSON record follow the OpenTelemetry GenAI semantic conventions where one
 * exists. A field without a value is {@code null} and left out of the record.
 *
 * @param exchangeId the ID of this model call, new for each call
 * @param startTime when the call started
 * @param requestId the ID of the inbound request or unit of work
 * @param contextId the ID of the conversation or session
 * @param userId the ID of the user
 * @param traceId the trace ID when tracing is on
 * @param spanId the ID of the model call's span when tracing is on
 * @param operationName the operation, {@code gen_ai.operation.name}, such as {@code chat}
 * @param providerName the provider, {@code gen_ai.provider.name}, such as {@code openai}
 * @param requestModel the model that was asked for
 * @param responseModel the model that answered
 * @param temperature the requested temperature
 * @param topP the requested top-p
 * @param maxTokens the requested maximum number of output tokens
 * @param responseId the provider's ID of the response
 * @param finishReasons the reasons each choice stopped, in order
 * @param inputTokens the number of input (prompt) tokens used
 * @param outputTokens the number of output (completion) tokens used
 * @param stream whether the call was a stream
 * @param conversationId the chat memory conversation ID, {@code gen_ai.conversation.id}
 * @param promptName the name of the prompt template, given by the application
 * @param promptVersion the version of the prompt template, given by the application
 * @param durationNanos how long the call took, in nanoseconds
 * @param outcome how the call ended
 * @param errorType the type of the error, {@code error.type}, when the call failed
 * @param timeToFirstChunkNanos the time to the first chunk of a stream, in nanoseconds,
 * when known
 * @param cost the cost of the call, when its model has a price
 * @param emptyResponse whether the call succeeded with neither text nor tool calls
 * @param content the captured content, or {@code null} when content capture is off
 * @param requestOptions further request options named after the GenAI conventions
 * ({@code gen_ai.request.seed}, {@code gen_ai.request.stop_sequences}, ...), only those
 * that were set
 * @param replayOf the exchange ID of the exchange this one replays, or {@code null}
 * @author llm-tracing
 */
public record ExchangeRecord(String exchangeId, Instant startTime, @Nullable String requestId,
		@Nullable String contextId, @Nullable String userId, @Nullable String traceId, @Nullable String spanId,
		String operationName, @Nullable String providerName, @Nullable String requestModel,
		@Nullable String responseModel, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Integer maxTokens, @Nullable String responseId, List<String> finishReasons,
		@Nullable Integer inputTokens, @Nullable Integer outputTokens, boolean stream, @Nullable String conversationId,
		@Nullable String promptName, @Nullable String promptVersion, long durationNanos, Outcome outcome,
		@Nullable String errorType, @Nullable Long timeToFirstChunkNanos, @Nullable Cost cost, boolean emptyResponse,
		@Nullable ExchangeContent content, Map<String, Object> requestOptions, @Nullable String replayOf) {

	/**
	 * Return the duration in milliseconds, with microsecond precision.
	 * @return the duration in milliseconds
	 */
	public double durationMillis() {
		return Math.round(this.durationNanos / 1_000.0) / 1_000.0;
	}

	/**
	 * Return the time to first chunk in milliseconds, with microsecond precision.
	 * @return the time to first chunk, or {@code null} when not known
	 */
	public @Nullable Double timeToFirstChunkMillis() {
		return (this.timeToFirstChunkNanos != null) ? Math.round(this.timeToFirstChunkNanos / 1_000.0) / 1_000.0 : null;
	}

	/**
	 * Return the model to show: the response model, or else the request model.
	 * @return the model, or {@code null} if neither is known
	 */
	public @Nullable String model() {
		return (this.responseModel != null) ? this.responseModel : this.requestModel;
	}

}
