package dev.llmtracing.support;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Names the type of an error the way a user groups failures: by its cause, with the
 * wrappers of asynchronous code taken off, so that one failure has one {@code error.type}
 * whether it came from a call or a stream. Not an API for applications.
 *
 * @author llm-tracing
 */
public final class ErrorTypes {

	private static final String REACTOR_WRAPPERS = "reactor.core.Exceptions$";

	private ErrorTypes() {
	}

	/**
	 * Return the error with {@link CompletionException}, {@link ExecutionException} and
	 * Reactor's wrapper exceptions taken off.
	 * @param error the error as thrown
	 * @return the first error that is not such a wrapper, or the last wrapper when it has
	 * no cause
	 */
	public static Throwable cause(Throwable error) {
		Throwable cause = error;
		while (isWrapper(cause) && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * Return the class name of the error's {@link #cause(Throwable) cause}.
	 * @param error the error as thrown
	 * @return the type to record as {@code error.type}
	 */
	public static String of(Throwable error) {
		return cause(error).getClass().getName();
	}

	private static boolean isWrapper(Throwable error) {
		return error instanceof CompletionException || error instanceof ExecutionException
				|| error.getClass().getName().startsWith(REACTOR_WRAPPERS);
	}

}
