package dev.llmtracing.autoconfigure.request;

import java.util.Locale;

/**
 * The kinds of activity a request's time is split into. Where activities of different
 * kinds run at the same time, the one declared first owns the time.
 *
 * @author llm-tracing
 */
enum Part {

	/**
	 * A model call.
	 */
	MODEL,

	/**
	 * A tool execution.
	 */
	TOOL,

	/**
	 * An embedding call or a vector-store query.
	 */
	RETRIEVAL,

	/**
	 * A stage: a method annotated {@code @LlmStage} or a block run by {@code LlmStages};
	 * its key in the breakdown is its name.
	 */
	STAGE;

	/**
	 * The key of the time in none of the parts: the application's own code.
	 */
	public static final String OTHER = "other";

	/**
	 * Return the key of this part in the breakdown, such as {@code model}.
	 * @return the key
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
