package dev.llmtracing.context;

/**
 * The kinds of {@link TracingIds}.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public enum IdKind {

	/**
	 * The ID of the inbound request or unit of work.
	 */
	REQUEST,

	/**
	 * The ID of the conversation or session.
	 */
	CONTEXT,

	/**
	 * The ID of the user.
	 */
	USER

}
