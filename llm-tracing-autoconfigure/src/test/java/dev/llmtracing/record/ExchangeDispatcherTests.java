package dev.llmtracing.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExchangeDispatcher}.
 *
 * @author llm-tracing
 */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeDispatcherTests {

	private final InstrumentationFailures failures = new InstrumentationFailures();

	@Test
	void shouldDeliverRecordsOffTheCallerThread() {
		List<String> threads = new CopyOnWriteArrayList<>();
		try (ExchangeDispatcher dispatcher = new ExchangeDispatcher(
				List.of((record) -> threads.add(Thread.currentThread().getName())), 10, Duration.ofSeconds(1),
				this.failures)) {
			assertThat(dispatcher.publish(TestRecords.complete())).isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> threads.size() == 1);
		}
		assertThat(threads).containsExactly("llm-tracing-exchange-writer");
	}

	@Test
	void shouldSleepWithoutWakingUpWhenIdleAndWriteTheNextRecordQueued() {
		List<Thread> writers = new CopyOnWriteArrayList<>();
		try (ExchangeDispatcher dispatcher = new ExchangeDispatcher(
				List.of((record) -> writers.add(Thread.currentThread())), 10, Duration.ofSeconds(1), this.failures)) {
			assertThat(dispatcher.publish(TestRecords.complete())).isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> writers.size() == 1);
			Thread writer = writers.get(0);
			// idle: parked without a timeout (a pause would be TIMED_WAITING)
			await().atMost(Duration.ofSeconds(5)).until(() -> writer.getState() == Thread.State.WAITING);
			assertThat(dispatcher.publish(TestRecords.complete())).isTrue();
			// only the caller's wake-up can end that sleep
			await().atMost(Duration.ofSeconds(5)).until(() -> writers.size() == 2);
		}
	}

	@Test
	void shouldNeitherBuildNorQueueARecordNobodyListensToButStillRunTasks() {
		AtomicInteger built = new AtomicInteger();
		CountDownLatch ran = new CountDownLatch(1);
		try (ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(), 10, Duration.ofSeconds(1),
				this.failures)) {
			assertThat(dispatcher.hasListeners()).isFalse();
			assertThat(dispatcher.publish(() -> {
				built.incrementAndGet();
				return TestRecords.complete();
			})).isTrue();
			assertThat(dispatcher.execute(ran::countDown)).isTrue();
			awaitQuietly(ran);
			assertThat(ran.getCount()).isZero();
			assertThat(dispatcher.getQueueSize()).isZero();
		}
		assertThat(built).hasValue(0);
		assertThat(this.failures.count(InstrumentedComponent.CAPTURE)).isZero();
	}

	@Test
	void shouldDropAndCountWhenQueueIsFullInsteadOfBlocking() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch first = new CountDownLatch(1);
		ExchangeListener slow = (record) -> {
			first.countDown();
			awaitQuietly(release);
		};
		try (ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(slow), 2, Duration.ofSeconds(1),
				this.failures)) {
			dispatcher.publish(TestRecords.complete());
			assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(dispatcher.publish(TestRecords.complete())).isTrue();
			assertThat(dispatcher.publish(TestRecords.complete())).isTrue();
			assertThat(dispatcher.publish(TestRecords.complete())).isFalse();
			assertThat(dispatcher.getDroppedCount()).isEqualTo(1);
			release.countDown();
		}
	}

	@Test
	void shouldDeliverEveryTaskOfConcurrentCallersInTheOrderEachQueuedThem() throws InterruptedException {
		int callers = 4;
		int tasks = 2000;
		List<List<Integer>> delivered = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			delivered.add(new ArrayList<>());
		}
		try (ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of((record) -> {
		}), 10_000, Duration.ofSeconds(5), this.failures)) {
			AtomicInteger refused = new AtomicInteger();
			List<Thread> threads = new ArrayList<>();
			for (int caller = 0; caller < callers; caller++) {
				List<Integer> own = delivered.get(caller);
				Thread thread = new Thread(() -> {
					for (int task = 0; task < tasks; task++) {
						int number = task;
						if (!dispatcher.execute(() -> own.add(number))) {
							refused.incrementAndGet();
						}
					}
				});
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				thread.join();
			}
			assertThat(refused).hasValue(0);
			assertThat(dispatcher.getDroppedCount()).isZero();
		}
		List<Integer> inOrder = IntStream.range(0, tasks).boxed().toList();
		assertThat(delivered).allSatisfy((own) -> assertThat(own).isEqualTo(inOrder));
	}

	@Test
	void shouldCountListenerFailuresAndKeepDelivering() {
		List<ExchangeRecord> delivered = new CopyOnWriteArrayList<>();
		ExchangeListener broken = (record) -> {
			throw new IllegalStateException("listener failed");
		};
		try (ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(broken, delivered::add), 10,
				Duration.ofSeconds(1), this.failures)) {
			dispatcher.publish(TestRecords.complete());
			dispatcher.publish(TestRecords.minimal());
			await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 2);
		}
		assertThat(this.failures.count(InstrumentedComponent.EXCHANGE_LISTENER)).isEqualTo(2);
	}

	@Test
	void shouldWriteWaitingRecordsOnClose() {
		List<ExchangeRecord> delivered = new CopyOnWriteArrayList<>();
		ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(delivered::add), 1000, Duration.ofSeconds(5),
				this.failures);
		for (int i = 0; i < 500; i++) {
			dispatcher.publish(TestRecords.complete());
		}
		dispatcher.close();
		assertThat(delivered).hasSize(500);
		assertThat(dispatcher.publish(TestRecords.complete())).isFalse();
	}

	@Test
	void shouldCountAndLogOnceWhatCouldNotBeWrittenWithinTheShutdownTimeout(CapturedOutput output) {
		List<ExchangeRecord> delivered = new CopyOnWriteArrayList<>();
		ExchangeListener slow = (record) -> {
			sleepQuietly(20);
			delivered.add(record);
		};
		ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(slow), 1000, Duration.ofMillis(200),
				this.failures);
		for (int i = 0; i < 100; i++) {
			dispatcher.publish(TestRecords.complete());
		}
		long start = System.nanoTime();
		dispatcher.close();
		dispatcher.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		long dropped = dispatcher.getDroppedCount();
		assertThat(delivered.size()).isBetween(5, 15);
		assertThat(delivered.size() + dropped).isEqualTo(100);
		assertThat(output.getOut().lines().filter((line) -> line.contains("could not write"))).singleElement()
			.asString()
			.contains("could not write " + dropped + " waiting records within the shutdown timeout of PT0.2S");
	}

	@Test
	void shouldLogNothingWhenEveryRecordWasWrittenOnClose(CapturedOutput output) {
		ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of((record) -> {
		}), 10, Duration.ofSeconds(5), this.failures);
		dispatcher.publish(TestRecords.complete());
		dispatcher.close();
		assertThat(dispatcher.getDroppedCount()).isZero();
		assertThat(output.getOut()).doesNotContain("could not write");
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
