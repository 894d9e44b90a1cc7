package dev.llmtracing.autoconfigure.request;

import org.jspecify.annotations.Nullable;

/**
 * Tells whether a request ended with an exception that Spring AI's structured output
 * threw: {@code ChatClient ... call().entity(...)} (or {@code responseEntity(...)})
 * converts the answer after the model call and its observations are over, so the
 * conversion's exception is only seen where it leaves the application's handler. The
 * exception, or one of its causes, counts when the frame that called the throwing
 * {@code convert} method is one of the {@code DefaultChatClient} methods that convert; an
 * exception of the model call itself passes through those methods too, but not through
 * {@code convert}.
 *
 * @author llm-tracing
 */
final class OutputParseErrors {

	private static final String CHAT_CLIENT = "org.springframework.ai.chat.client.DefaultChatClient";

	private static final int MAX_CAUSES = 16;

	private OutputParseErrors() {
	}

	/**
	 * Return whether an exception, or one of its causes, was thrown converting a
	 * structured answer.
	 * @param error the exception a request ended with
	 * @return whether a structured output conversion threw it
	 */
	static boolean isOutputParseError(Throwable error) {
		Throwable current = error;
		for (int i = 0; i < MAX_CAUSES && current != null; i++) {
			if (thrownByConversion(current)) {
				return true;
			}
			current = next(current);
		}
		return false;
	}

	private static boolean thrownByConversion(Throwable error) {
		StackTraceElement[] frames = error.getStackTrace();
		for (int i = 1; i < frames.length; i++) {
			StackTraceElement frame = frames[i];
			if (frame.getClassName().startsWith(CHAT_CLIENT) && isConverting(frame.getMethodName())) {
				return "convert".equals(frames[i - 1].getMethodName());
			}
		}
		return false;
	}

	private static boolean isConverting(String method) {
		return method.equals("doSingleWithBeanOutputConverter") || method.equals("doResponseEntity");
	}

	private static @Nullable Throwable next(Throwable error) {
		Throwable cause = error.getCause();
		return (cause != error) ? cause : null;
	}

}
