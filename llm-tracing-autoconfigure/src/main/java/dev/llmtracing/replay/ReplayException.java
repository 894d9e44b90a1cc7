package dev.llmtracing.replay;

/**
 * Thrown when an exchange cannot be replayed, with a message that says why and what to
 * do.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public class ReplayException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message why the exchange cannot be replayed
	 */
	public ReplayException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message why the exchange cannot be replayed
	 * @param cause the cause
	 */
	public ReplayException(String message, Throwable cause) {
		super(message, cause);
	}

}
