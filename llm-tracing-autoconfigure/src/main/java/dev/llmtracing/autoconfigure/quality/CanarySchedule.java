package dev.llmtracing.autoconfigure.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs every canary, one after the other, at a fixed rate on a
 * {@link ThreadPoolTaskScheduler} of its own (one thread, {@code llm-tracing-canary}),
 * from when the application has started until it stops, and hands each run to the
 * {@link CanaryRecorder}.
 *
 * @author llm-tracing
 */
final class CanarySchedule implements SmartLifecycle {

	private final List<Canary> canaries;

	private final CanaryRunner runner;

	private final CanaryRecorder recorder;

	private final Duration initialDelay;

	private final Duration interval;

	private final InstrumentationFailures failures;

	private @Nullable ThreadPoolTaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> task;

	CanarySchedule(List<Canary> canaries, CanaryRunner runner, CanaryRecorder recorder, Duration initialDelay,
			Duration interval, InstrumentationFailures failures) {
		this.canaries = List.copyOf(canaries);
		this.runner = runner;
		this.recorder = recorder;
		this.initialDelay = initialDelay;
		this.interval = interval;
		this.failures = failures;
	}

	/**
	 * Run every canary once, on the calling thread.
	 */
	void runAll() {
		for (Canary canary : this.canaries) {
			try {
				CanaryRun run = this.runner.run(canary);
				this.recorder.record(run);
			}
			catch (RuntimeException ex) {
				this.failures.record(InstrumentedComponent.QUALITY, ex);
			}
		}
	}

	@Override
	public synchronized void start() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("llm-tracing-canary-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		this.task = scheduler.scheduleAtFixedRate(this::runAll, Instant.now().plus(this.initialDelay), this.interval);
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void stop() {
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
