package dev.llmtracing.feedback;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded feedback, as handed to the {@link FeedbackListener listeners}.
 *
 * @param exchangeId the exchange rated: the one given, or the last of the request given;
 * {@code null} for feedback on a request with no exchange in the index
 * @param requestId the request ID: the one given, or the request of the exchange given
 * @param contextId the context ID of who gave the feedback
 * @param userId the user ID of who gave the feedback
 * @param name the name of the feedback
 * @param value the numeric value, or {@code null}
 * @param label the label, or {@code null}
 * @param comment the masked, capped comment when content capture is on, else {@code null}
 * @param exchange what the index knew of the rated exchange, or {@code null} when it is
 * not in the index (unlinked)
 * @param time when the feedback was given
 * @author llm-tracing
 * @since 0.1.0
 */
public record FeedbackRecord(@Nullable String exchangeId, @Nullable String requestId, @Nullable String contextId,
		@Nullable String userId, String name, @Nullable Double value, @Nullable String label, @Nullable String comment,
		@Nullable RatedExchange exchange, Instant time) {

	/**
	 * Return whether the rated exchange was found in the index of recent exchanges.
	 * @return whether the feedback is linked to its exchange's model, prompt and trace
	 */
	public boolean linked() {
		return this.exchange != null;
	}

}
