package dev.llmtracing.autoconfigure.chat;

import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.support.ErrorTypes;
import dev.llmtracing.autoconfigure.chat.TraceContextLookup.TraceContext;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.Responses;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.cost.Cost;
import dev.llmtracing.record.ExchangeIds;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.ExchangeResponse;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.Timing;
import dev.llmtracing.record.TokenUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Builds an {@link ExchangeRecord} from what a stopped model observation held of its call
 * ({@link ModelCall}). Values the provider did not give (an empty response ID, usage that
 * was not reported, see {@link UsageReports}) stay {@code null} rather than being made
 * up.
 *
 * @author llm-tracing
 */
final class ExchangeRecords {

	private ExchangeRecords() {
	}

	static ExchangeRecord from(ModelCall call, ExchangeCapture capture, long durationNanos,
			@Nullable Long timeToFirstChunk, @Nullable TraceContext trace, PriceTable prices,
			ContentCapture contentCapture) {
		ChatOptions options = call.prompt().getOptions();
		ChatResponse response = call.response();
		ChatResponseMetadata metadata = (response != null) ? response.getMetadata() : null;
		Usage usage = (metadata != null) ? metadata.getUsage() : null;
		Throwable error = call.error();
		TracingIds ids = capture.ids();
		ClientFacts facts = capture.facts();
		boolean usageKnown = UsageReports.isReported(usage, call.streaming());
		String requestModel = (options != null) ? textOrNull(options.getModel()) : null;
		String responseModel = (metadata != null) ? textOrNull(metadata.getModel()) : null;
		Integer inputTokens = usageKnown ? usage.getPromptTokens() : null;
		Integer outputTokens = usageKnown ? usage.getCompletionTokens() : null;
		Cost cost = (error == null) ? prices.cost(responseModel, requestModel, inputTokens,
				usageKnown ? usage.getCacheReadInputTokens() : null, outputTokens) : null;
		Outcome outcome = outcome(call);
		ExchangeIds exchangeIds = new ExchangeIds(capture.exchangeId(), ids.requestId(), ids.contextId(), ids.userId(),
				(trace != null) ? trace.traceId() : null, (trace != null) ? trace.spanId() : null);
		ExchangeRequest request = new ExchangeRequest(call.operationType(), call.provider(), requestModel,
				(options != null) ? options.getTemperature() : null, (options != null) ? options.getTopP() : null,
				(options != null) ? options.getMaxTokens() : null, call.streaming(), RequestOptions.of(options),
				facts.conversationId(), facts.promptName(), facts.promptVersion());
		ExchangeResponse exchangeResponse = new ExchangeResponse(responseModel,
				(metadata != null) ? textOrNull(metadata.getId()) : null, finishReasons(response),
				outcome == Outcome.SUCCESS && !Responses.hasContent(response));
		return new ExchangeRecord(exchangeIds, request, exchangeResponse, new TokenUsage(inputTokens, outputTokens),
				new Timing(capture.startTime(), durationNanos, timeToFirstChunk), outcome,
				(error != null) ? ErrorTypes.of(error) : null, cost, contentCapture.capture(call.prompt(), response),
				capture.replayOf());
	}

	private static Outcome outcome(ModelCall call) {
		if (call.error() != null) {
			return Outcome.ERROR;
		}
		if (call.streaming() && call.response() == null) {
			return Outcome.CANCELLED;
		}
		return Outcome.SUCCESS;
	}

	private static List<String> finishReasons(@Nullable ChatResponse response) {
		if (response == null || response.getResults().isEmpty()) {
			return List.of();
		}
		List<String> reasons = new ArrayList<>(response.getResults().size());
		for (Generation generation : response.getResults()) {
			String reason = Responses.finishReason(generation);
			if (reason != null) {
				reasons.add(reason);
			}
		}
		return reasons;
	}

	private static @Nullable String textOrNull(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : null;
	}

}
