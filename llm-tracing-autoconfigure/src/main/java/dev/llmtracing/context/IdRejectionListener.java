package dev.llmtracing.context;

/**
 * Told each time an ID is rejected as invalid. The rejected value itself is never passed
 * on, so it cannot end up in a log.
 *
 * @author llm-tracing
 */
@FunctionalInterface
public interface IdRejectionListener {

	/**
	 * A listener that does nothing.
	 */
	IdRejectionListener NONE = (kind, source) -> {
	};

	/**
	 * Called when an ID was rejected.
	 * @param kind which ID was rejected
	 * @param source where it came from, for example {@code header} or {@code api}
	 */
	void onRejected(IdKind kind, String source);

}
