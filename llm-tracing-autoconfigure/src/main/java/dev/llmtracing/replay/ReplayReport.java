package dev.llmtracing.replay;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An original exchange and its replay, side by side.
 *
 * @param originalExchangeId the exchange ID of the original
 * @param originalModel the model of the original
 * @param replayModel the model of the replay
 * @param originalCompletion the original completion text (as recorded: masked unless the
 * content was recorded unmasked)
 * @param replayCompletion the completion of the replay
 * @param identical whether the two completions are the same text
 * @param originalInputTokens the original input tokens
 * @param replayInputTokens the input tokens of the replay
 * @param originalOutputTokens the original output tokens
 * @param replayOutputTokens the output tokens of the replay
 * @param originalDurationMs the original duration in milliseconds
 * @param replayDurationMs the duration of the replay in milliseconds
 * @param originalFinishReason the original finish reason
 * @param replayFinishReason the finish reason of the replay
 * @param stream whether the replay was streamed
 * @param masked whether the replayed prompt holds masking placeholders or truncated text,
 * so that it is not exactly the original
 * @param notReplayed recorded request settings the replay could not apply
 * @author llm-tracing
 * @since 0.1.0
 */
public record ReplayReport(String originalExchangeId, @Nullable String originalModel, @Nullable String replayModel,
		@Nullable String originalCompletion, @Nullable String replayCompletion, boolean identical,
		@Nullable Integer originalInputTokens, @Nullable Integer replayInputTokens,
		@Nullable Integer originalOutputTokens, @Nullable Integer replayOutputTokens,
		@Nullable Double originalDurationMs, double replayDurationMs, @Nullable String originalFinishReason,
		@Nullable String replayFinishReason, boolean stream, boolean masked, List<String> notReplayed) {

}
