package dev.llmtracing.context;

/**
 * The kinds of {@link TracingIds}.
 *
 * @author llm-tracing
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
