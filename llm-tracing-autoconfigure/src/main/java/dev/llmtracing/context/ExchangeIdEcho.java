package dev.llmtracing.context;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Tells whoever serves the current thread's request of each model call that starts on
 * that thread, so that the ID of the last one can be echoed to the client (the servlet
 * filter sets the {@code X-Exchange-Id} response header). Only calls that start on the
 * thread that opened the echo are told: a stream that runs on another thread is not.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class ExchangeIdEcho {

	private static final ThreadLocal<@Nullable Consumer<String>> sinks = new ThreadLocal<>();

	private ExchangeIdEcho() {
	}

	/**
	 * Open an echo on the current thread until the returned scope is closed.
	 * @param sink told of the exchange ID of each model call that starts on this thread
	 * @return the scope, which restores the echo that was open before
	 */
	public static Scope open(Consumer<String> sink) {
		Consumer<String> previous = sinks.get();
		sinks.set(sink);
		return () -> {
			if (previous != null) {
				sinks.set(previous);
			}
			else {
				sinks.remove();
			}
		};
	}

	/**
	 * Tell the echo of the current thread, if any, that a model call started.
	 * @param exchangeId the exchange ID of the call
	 */
	public static void started(String exchangeId) {
		Consumer<String> sink = sinks.get();
		if (sink != null) {
			sink.accept(exchangeId);
		}
	}

	/**
	 * An open echo.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
