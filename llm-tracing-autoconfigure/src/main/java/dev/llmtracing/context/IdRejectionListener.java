package dev.llmtracing.context;

import java.util.List;

/**
 * Told each time an ID is rejected as invalid. The rejected value itself is never passed
 * on, so it cannot end up in a log.
 *
 * @author llm-tracing
 * @since 0.1.0
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

	/**
	 * Return a listener that tells each of the given listeners in turn.
	 * @param listeners the listeners
	 * @return a single listener for all of them
	 */
	static IdRejectionListener of(List<? extends IdRejectionListener> listeners) {
		if (listeners.isEmpty()) {
			return NONE;
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		List<IdRejectionListener> all = List.copyOf(listeners);
		return (kind, source) -> all.forEach((listener) -> listener.onRejected(kind, source));
	}

}
