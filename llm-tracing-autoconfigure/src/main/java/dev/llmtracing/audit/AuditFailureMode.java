package dev.llmtracing.audit;

/**
 * What happens to a model call whose audit line cannot be written.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public enum AuditFailureMode {

	/**
	 * The line is written off the caller's thread; when it cannot be written it is lost,
	 * counted and logged, and the model call is not affected.
	 */
	DROP_AND_COUNT,

	/**
	 * The line is written and forced to disk on the caller's thread before the response
	 * is handed back; when that fails, the call fails with an
	 * {@link AuditTrailException}.
	 */
	FAIL_CLOSED

}
