package dev.llmtracing.feedback;

/**
 * Told of every recorded feedback, on the exchange dispatcher's thread. Implementations
 * must be thread-safe; an exception they throw is counted and otherwise ignored.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@FunctionalInterface
public interface FeedbackListener {

	/**
	 * Called once for each feedback.
	 * @param feedback the feedback record
	 */
	void onFeedback(FeedbackRecord feedback);

}
