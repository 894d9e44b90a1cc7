package dev.llmtracing.content;

import java.util.Locale;

/**
 * What the exchange record keeps of the prompt and the completion.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public enum ContentMode {

	/**
	 * No content at all (the default).
	 */
	NONE,

	/**
	 * SHA-256 digests and lengths of the system prompt, the user messages and the
	 * completion: proof of what was asked and answered without keeping either.
	 */
	DIGEST,

	/**
	 * The messages and the completion, masked and truncated, in the shape of the
	 * OpenTelemetry GenAI {@code gen_ai.input.messages} and
	 * {@code gen_ai.output.messages}.
	 */
	FULL,

	/**
	 * The same messages as {@code FULL}, encrypted with AES-256-GCM: readable only by
	 * whoever holds the key.
	 */
	ENCRYPTED;

	private final String value = name().toLowerCase(Locale.ROOT);

	/**
	 * Return the value of the mode as written in the {@code llm.content.mode} field of a
	 * record and in the {@code llm.tracing.content.mode} property, such as
	 * {@code digest}.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
