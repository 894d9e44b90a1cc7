package dev.llmtracing.autoconfigure;

import dev.llmtracing.record.ExchangeDispatcher;

import org.springframework.context.SmartLifecycle;

/**
 * Closes the {@link ExchangeDispatcher} when the application context closes, once
 * everything that makes model calls has stopped: the waiting records are written within
 * {@code llm.tracing.record.shutdown-timeout}, and those that could not be are counted
 * and logged once.
 * <p>
 * Lifecycle beans stop from the highest phase to the lowest. Boot's web server graceful
 * shutdown (phase {@code DEFAULT_PHASE - 1024}) first lets the requests in flight finish,
 * their model calls publishing their records; the web server then stops (phase
 * {@code DEFAULT_PHASE - 2048}); message listener containers and gRPC servers stop
 * earlier still, at the default phase. This bean stops after all of them, so no request
 * can publish a record any more, and before any bean is destroyed, so that the listeners
 * and what they write to are still open.
 *
 * @author llm-tracing
 */
final class ExchangeDispatcherLifecycle implements SmartLifecycle {

	/**
	 * The phase: 1024 below Boot's web server start and stop phase.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

	private final ExchangeDispatcher dispatcher;

	private volatile boolean running;

	ExchangeDispatcherLifecycle(ExchangeDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.dispatcher.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
