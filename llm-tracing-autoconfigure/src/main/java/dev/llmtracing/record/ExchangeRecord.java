package dev.llmtracing.record;

import dev.llmtracing.cost.Cost;
import org.jspecify.annotations.Nullable;

/**
 * What was recorded of one model call (one exchange of a prompt for a response), in named
 * parts. Field names in the JSON record follow the OpenTelemetry GenAI semantic
 * conventions where one exists (see {@link ExchangeRecordFields}). A field without a
 * value is {@code null} and left out of the record.
 *
 * @param ids the IDs of the exchange, the request and the span
 * @param request what was asked of the model
 * @param response what the model answered, apart from content and usage
 * @param usage the tokens used, {@link TokenUsage#UNKNOWN} when not reported
 * @param timing when the call started and how long it took
 * @param outcome how the call ended
 * @param errorType the type of the error, {@code error.type}, when the call failed
 * @param cost the cost of the call, when its model has a price
 * @param content the captured content, or {@code null} when content capture is off
 * @param replayOf the exchange ID of the exchange this one replays, or {@code null}
 * @author llm-tracing
 * @since 0.1.0
 */
public record ExchangeRecord(ExchangeIds ids, ExchangeRequest request, ExchangeResponse response, TokenUsage usage,
		Timing timing, Outcome outcome, @Nullable String errorType, @Nullable Cost cost,
		@Nullable ExchangeContent content, @Nullable String replayOf) {

	/**
	 * Return the model to show: the response model, or else the request model.
	 * @return the model, or {@code null} if neither is known
	 */
	public @Nullable String model() {
		return (this.response.responseModel() != null) ? this.response.responseModel() : this.request.requestModel();
	}

}
