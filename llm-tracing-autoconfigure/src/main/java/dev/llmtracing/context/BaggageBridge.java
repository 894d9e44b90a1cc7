package dev.llmtracing.context;

import org.jspecify.annotations.Nullable;

/**
 * Reads the IDs from, and writes them to, the baggage of the current trace, when a tracer
 * is present.
 *
 * @author llm-tracing
 */
public interface BaggageBridge {

	/**
	 * A bridge for applications without tracing.
	 */
	BaggageBridge NONE = new BaggageBridge() {

		@Override
		public @Nullable String read(String key) {
			return null;
		}

		@Override
		public Scope write(TracingIds ids) {
			return Scope.NONE;
		}

	};

	/**
	 * Return the incoming baggage value of a key, unvalidated.
	 * @param key the baggage key
	 * @return the value, or {@code null}
	 */
	@Nullable String read(String key);

	/**
	 * Put the IDs in the baggage of the current trace until the returned scope is closed.
	 * The IDs replace whatever the incoming baggage held under their keys: an ID that is
	 * absent (because it was missing or rejected) leaves no incoming value of its key in
	 * the baggage, so that an invalid value is never propagated.
	 * @param ids the validated IDs
	 * @return the scope to close
	 */
	Scope write(TracingIds ids);

	/**
	 * The IDs in the baggage of the current trace, until closed.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		/**
		 * A scope with nothing to close.
		 */
		Scope NONE = () -> {
		};

		@Override
		void close();

	}

}
