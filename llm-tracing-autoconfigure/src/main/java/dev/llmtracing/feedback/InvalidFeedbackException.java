package dev.llmtracing.feedback;

/**
 * Thrown by {@link LlmFeedback#submit(Feedback)} for feedback that is not recorded. The
 * message names the field and the rule it breaks, never the rejected value.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public class InvalidFeedbackException extends IllegalArgumentException {

	private final String field;

	/**
	 * Create an exception.
	 * @param field the name of the invalid field, as in the endpoint's JSON body
	 * @param message what is wrong with it
	 */
	public InvalidFeedbackException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * Return the name of the invalid field.
	 * @return the field, such as {@code value}
	 */
	public String getField() {
		return this.field;
	}

}
