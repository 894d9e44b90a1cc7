package dev.llmtracing.record;

import java.util.List;

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
 * @param signals the quality signals of the exchange ({@code llm.quality.signals}), empty
 * when there are none
 * @author llm-tracing
 * @since 0.1.0
 */
public record ExchangeRecord(ExchangeIds ids, ExchangeRequest request, ExchangeResponse response, TokenUsage usage,
		Timing timing, Outcome outcome, @Nullable String errorType, @Nullable Cost cost,
		@Nullable ExchangeContent content, @Nullable String replayOf, List<String> signals) {

	public ExchangeRecord {
		signals = List.copyOf(signals);
	}

	/**
	 * Create a record without quality signals.
	 * @param ids the IDs of the exchange, the request and the span
	 * @param request what was asked of the model
	 * @param response what the model answered, apart from content and usage
	 * @param usage the tokens used
	 * @param timing when the call started and how long it took
	 * @param outcome how the call ended
	 * @param errorType the type of the error, when the call failed
	 * @param cost the cost of the call, when its model has a price
	 * @param content the captured content, or {@code null}
	 * @param replayOf the exchange ID of the exchange this one replays, or {@code null}
	 */
	public ExchangeRecord(ExchangeIds ids, ExchangeRequest request, ExchangeResponse response, TokenUsage usage,
			Timing timing, Outcome outcome, @Nullable String errorType, @Nullable Cost cost,
			@Nullable ExchangeContent content, @Nullable String replayOf) {
		this(ids, request, response, usage, timing, outcome, errorType, cost, content, replayOf, List.of());
	}

	/**
	 * Return a copy of this record with the given quality signals.
	 * @param signals the signals, possibly empty
	 * @return this record if it has the same signals, else a copy with them
	 */
	public ExchangeRecord withSignals(List<String> signals) {
		if (signals.equals(this.signals)) {
			return this;
		}
		return new ExchangeRecord(this.ids, this.request, this.response, this.usage, this.timing, this.outcome,
				this.errorType, this.cost, this.content, this.replayOf, signals);
	}

	/**
	 * Return the model to show: the response model, or else the request model.
	 * @return the model, or {@code null} if neither is known
	 */
	public @Nullable String model() {
		return (this.response.responseModel() != null) ? this.response.responseModel() : this.request.requestModel();
	}

}
