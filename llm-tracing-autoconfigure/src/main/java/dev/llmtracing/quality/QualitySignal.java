package dev.llmtracing.quality;

import java.util.Locale;

/**
 * The quality signals that llm-tracing names, each a value of {@code llm.quality.signals}
 * in the exchange record and of the {@code signal} tag of {@code llm.quality.signal}.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public enum QualitySignal {

	/**
	 * The answer stopped at the token limit: finish reason {@code length} (or
	 * {@code max_tokens}).
	 */
	TRUNCATED,

	/**
	 * The provider's content filter stopped the answer: finish reason
	 * {@code content_filter} (or {@code safety}).
	 */
	CONTENT_FILTER,

	/**
	 * The call succeeded with neither text nor a tool call.
	 */
	EMPTY,

	/**
	 * The answer begins with one of the configured refusal phrases.
	 */
	REFUSAL,

	/**
	 * The call took longer than the latency objective of its model.
	 */
	SLOW,

	/**
	 * A deterministic request (temperature 0 or a fixed seed) whose prompt was answered
	 * before with a different completion.
	 */
	NONDETERMINISTIC,

	/**
	 * The completion is far longer or shorter than the recent completions of the same
	 * model and prompt version.
	 */
	LENGTH_DRIFT,

	/**
	 * The model round received the result of a tool call whose execution failed.
	 */
	TOOL_ERROR,

	/**
	 * The answer to a structured-output request ({@code ChatClient ... entity(...)})
	 * could not be converted.
	 */
	OUTPUT_PARSE_ERROR;

	private final String value = name().toLowerCase(Locale.ROOT);

	/**
	 * Return the value written in records and tags, such as {@code content_filter}.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
