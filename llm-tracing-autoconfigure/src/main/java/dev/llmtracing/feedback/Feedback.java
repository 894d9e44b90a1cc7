package dev.llmtracing.feedback;

import org.jspecify.annotations.Nullable;

/**
 * Feedback on one answer, as given to {@link LlmFeedback#submit(Feedback)}: what it rates
 * (an exchange, or the last exchange of a request), its name, and a value, a label or
 * both.
 *
 * <pre class="code">
 * feedback.submit(Feedback.onExchange(exchangeId, "thumbs").withValue(1).withLabel("up"));
 * </pre>
 *
 * @param exchangeId the exchange rated, or {@code null} when a request is
 * @param requestId the request whose last exchange is rated, or {@code null} when an
 * exchange is
 * @param name the name of the feedback, such as {@code thumbs}, {@code rating} or
 * {@code correct}
 * @param value the numeric value, or {@code null}
 * @param label the label, such as {@code up}, or {@code null}
 * @param comment a free-text comment, kept (masked and capped) only when content capture
 * is on, or {@code null}
 * @author llm-tracing
 * @since 0.1.0
 */
public record Feedback(@Nullable String exchangeId, @Nullable String requestId, String name, @Nullable Double value,
		@Nullable String label, @Nullable String comment) {

	/**
	 * Start feedback on an exchange.
	 * @param exchangeId the exchange ID, as echoed in {@code X-Exchange-Id}
	 * @param name the name of the feedback
	 * @return the feedback, without value or label yet
	 */
	public static Feedback onExchange(String exchangeId, String name) {
		return new Feedback(exchangeId, null, name, null, null, null);
	}

	/**
	 * Start feedback on the last exchange of a request.
	 * @param requestId the request ID, as echoed in {@code X-Request-Id}
	 * @param name the name of the feedback
	 * @return the feedback, without value or label yet
	 */
	public static Feedback onRequest(String requestId, String name) {
		return new Feedback(null, requestId, name, null, null, null);
	}

	/**
	 * Return this feedback with a value.
	 * @param value the value
	 * @return a copy with the value
	 */
	public Feedback withValue(double value) {
		return new Feedback(this.exchangeId, this.requestId, this.name, value, this.label, this.comment);
	}

	/**
	 * Return this feedback with a label.
	 * @param label the label
	 * @return a copy with the label
	 */
	public Feedback withLabel(String label) {
		return new Feedback(this.exchangeId, this.requestId, this.name, this.value, label, this.comment);
	}

	/**
	 * Return this feedback with a comment.
	 * @param comment the comment
	 * @return a copy with the comment
	 */
	public Feedback withComment(String comment) {
		return new Feedback(this.exchangeId, this.requestId, this.name, this.value, this.label, comment);
	}

}
