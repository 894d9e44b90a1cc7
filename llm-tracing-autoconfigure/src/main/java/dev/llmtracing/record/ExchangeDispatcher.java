package dev.llmtracing.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands finished exchanges to the {@link ExchangeListener listeners} on a single
 * background thread, so that the caller of a model never waits for logging. The queue is
 * bounded: when it is full the record is dropped and counted rather than blocking the
 * caller. {@link #close() Closing} writes the waiting records within the shutdown
 * timeout; those that could not be written by then are counted as dropped and logged
 * once.
 * <p>
 * A caller does not wake the thread for each record: when there is nothing to write it
 * pauses for 10 ms, and only a queue that fills up wakes it early. Waking a parked thread
 * costs the caller a system call, and the thread that wakes for one record at a time
 * writes each on cold caches; under a steady load both cost more than writing the record,
 * while a record waits at most the pause longer. When a whole pause brings no record, the
 * thread sleeps until the next one is queued, whose caller wakes it: an idle application
 * does not wake it at all.
 *
 * @author llm-tracing
 */
public class ExchangeDispatcher implements AutoCloseable {

	private final List<ExchangeListener> listeners;

	private final BlockingQueue<Supplier<ExchangeRecord>> queue;

	private final InstrumentationFailures failures;

	private final Duration shutdownTimeout;

	private static final Logger logger = LoggerFactory.getLogger(ExchangeDispatcher.class);

	private static final Duration INTERRUPTED_GRACE = Duration.ofMillis(200);

	private static final long PAUSE_NANOS = Duration.ofMillis(10).toNanos();

	/**
	 * How many records may wait before a caller wakes the thread from its pause.
	 */
	private final int wakeAt;

	private final LongAdder dropped = new LongAdder();

	private final LongAdder unwritten = new LongAdder();

	private final Thread worker;

	private volatile boolean running = true;

	/**
	 * Whether the thread sleeps until a caller wakes it, rather than for a pause.
	 */
	private volatile boolean asleep;

	private volatile long deadline;

	/**
	 * Create and start a dispatcher.
	 * @param listeners the listeners to tell, in order
	 * @param capacity how many records may wait to be written before new ones are dropped
	 * @param shutdownTimeout how long {@link #close()} waits for waiting records to be
	 * written
	 * @param failures counts exceptions thrown by listeners
	 */
	public ExchangeDispatcher(List<ExchangeListener> listeners, int capacity, Duration shutdownTimeout,
			InstrumentationFailures failures) {
		this.listeners = List.copyOf(listeners);
		this.queue = new LinkedBlockingQueue<>(capacity);
		this.wakeAt = Math.max(1, Math.min(capacity / 4, 512));
		this.shutdownTimeout = shutdownTimeout;
		this.failures = failures;
		this.worker = new Thread(this::run, "llm-tracing-exchange-writer");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * Queue a record for the listeners. Never blocks.
	 * @param record the record
	 * @return {@code true} if it was queued, {@code false} if it was dropped
	 */
	public boolean publish(ExchangeRecord record) {
		return publish(() -> record);
	}

	/**
	 * Queue a record that is built on the dispatcher's thread, so that the caller does
	 * not pay for building it (masking content, for example). Never blocks. With no
	 * listeners there is nobody to build it for: it is neither built nor queued.
	 * @param record builds the record; an exception it throws is counted
	 * @return {@code true} if it was queued or nobody listens, {@code false} if it was
	 * dropped
	 */
	public boolean publish(Supplier<ExchangeRecord> record) {
		if (this.listeners.isEmpty()) {
			return this.running;
		}
		return enqueue(record);
	}

	/**
	 * Return whether any listener receives the records, so that a caller can skip the
	 * work of gathering one when none does.
	 * @return whether there is at least one listener
	 */
	public boolean hasListeners() {
		return !this.listeners.isEmpty();
	}

	private boolean enqueue(Supplier<ExchangeRecord> record) {
		if (this.running && this.queue.offer(record)) {
			if (this.asleep || this.queue.size() >= this.wakeAt) {
				LockSupport.unpark(this.worker);
			}
			return true;
		}
		this.dropped.increment();
		return false;
	}

	/**
	 * Queue a task that runs on the dispatcher's thread after every record queued before
	 * it has been handed to the listeners, such as writing a summary of the records of
	 * one request. Never blocks.
	 * @param task the task; an exception it throws is counted
	 * @return {@code true} if it was queued, {@code false} if it was dropped
	 */
	public boolean execute(Runnable task) {
		return enqueue(() -> {
			task.run();
			return null;
		});
	}

	/**
	 * Return how many records were dropped because the queue was full or closed, or
	 * because they could not be written within the shutdown timeout.
	 * @return the number of dropped records
	 */
	public long getDroppedCount() {
		return this.dropped.sum();
	}

	/**
	 * Return how many records may wait to be written before new ones are dropped.
	 * @return the queue capacity
	 */
	public int getQueueCapacity() {
		return this.queue.size() + this.queue.remainingCapacity();
	}

	/**
	 * Return how many records wait to be written.
	 * @return the queue size
	 */
	public int getQueueSize() {
		return this.queue.size();
	}

	private void run() {
		boolean tookRecordSincePause = false;
		while (this.running || !this.queue.isEmpty()) {
			Supplier<ExchangeRecord> record = this.queue.poll();
			if (record == null) {
				pause(tookRecordSincePause);
				tookRecordSincePause = false;
			}
			else {
				tookRecordSincePause = true;
				if (this.running || System.nanoTime() - this.deadline < 0) {
					dispatch(record);
				}
				else {
					unwritten(1);
				}
			}
		}
	}

	private void pause(boolean tookRecordSincePause) {
		if (tookRecordSincePause) {
			LockSupport.parkNanos(this, PAUSE_NANOS);
		}
		else {
			// A whole pause brought nothing: sleep until a caller or close() wakes the
			// thread. A caller that queued a record before this flag was set is seen by
			// the check below, one that queued after it sees the flag.
			this.asleep = true;
			if (this.running && this.queue.isEmpty()) {
				LockSupport.park(this);
			}
			this.asleep = false;
		}
		// Only close() interrupts, to end a listener that blocks; once closed the loop
		// writes what is queued and ends
		Thread.interrupted();
	}

	private void dispatch(Supplier<ExchangeRecord> supplier) {
		@Nullable ExchangeRecord record;
		try {
			record = supplier.get();
		}
		catch (Throwable ex) {
			this.failures.record(InstrumentedComponent.CAPTURE, ex);
			return;
		}
		if (record == null) {
			return;
		}
		for (ExchangeListener listener : this.listeners) {
			try {
				listener.onExchange(record);
			}
			catch (Throwable ex) {
				this.failures.record(InstrumentedComponent.EXCHANGE_LISTENER, ex);
			}
		}
	}

	/**
	 * Stop accepting records and wait up to the shutdown timeout for the waiting ones to
	 * be written. Records still waiting after that are not written: they are counted as
	 * dropped and their number is logged once. Closing again does nothing.
	 */
	@Override
	public void close() {
		if (!this.running) {
			return;
		}
		this.deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		this.running = false;
		LockSupport.unpark(this.worker);
		try {
			this.worker.join(Math.max(1, this.shutdownTimeout.toMillis()));
			if (this.worker.isAlive()) {
				this.worker.interrupt();
				this.worker.join(INTERRUPTED_GRACE.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// Records queued by a publish that raced with closing, or left by a listener
		// that still blocks the worker
		List<Supplier<ExchangeRecord>> left = new ArrayList<>();
		unwritten(this.queue.drainTo(left));
		long count = this.unwritten.sum();
		if (count > 0) {
			logger.warn("llm-tracing could not write {} waiting records within the shutdown timeout of {}; "
					+ "they are counted as dropped", count, this.shutdownTimeout);
		}
	}

	private void unwritten(int count) {
		this.unwritten.add(count);
		this.dropped.add(count);
	}

}
