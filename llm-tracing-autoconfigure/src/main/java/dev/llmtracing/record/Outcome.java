package dev.llmtracing.record;

import java.util.Locale;

/**
 * How a model call ended.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public enum Outcome {

	/**
	 * The call returned a response, or the stream completed.
	 */
	SUCCESS,

	/**
	 * The call or the stream failed with an exception.
	 */
	ERROR,

	/**
	 * The subscriber cancelled the stream before it completed.
	 */
	CANCELLED;

	/**
	 * Return the value written in records and tags, in lower case.
	 * @return the value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
