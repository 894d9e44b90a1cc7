package dev.llmtracing.autoconfigure.request;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.cost.Cost;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeIds;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.ExchangeResponse;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.Timing;
import dev.llmtracing.record.TokenUsage;
import dev.llmtracing.request.RequestActivity;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.request.RequestTotals;
import dev.llmtracing.stage.LlmStages;
import dev.llmtracing.stage.StageNames;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RequestTracker} with the {@link RequestPartObservationHandler} on a
 * real observation registry and a real {@link ExchangeDispatcher}.
 *
 * @author llm-tracing
 */
class RequestTrackerTests {

	private final List<RequestRecord> records = new CopyOnWriteArrayList<>();

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(128), IdRejectionListener.NONE);

	private final ObservationRegistry registry = ObservationRegistry.create();

	private ExchangeDispatcher dispatcher;

	private final RequestTracker tracker = new RequestTracker(() -> this.dispatcher, List.of(this.records::add), true,
			100, new InstrumentationFailures());

	RequestTrackerTests() {
		this.dispatcher = new ExchangeDispatcher(List.of(this.tracker), 100, Duration.ofSeconds(1),
				new InstrumentationFailures());
		this.registry.observationConfig()
			.observationHandler(new RequestPartObservationHandler(this.tracker, this.idScopes));
	}

	@AfterEach
	void close() {
		this.dispatcher.close();
	}

	@Test
	void shouldPutStagesToolsRetrievalAndModelCallsOfTheRequestInItsRecord() throws InterruptedException {
		TracingIds ids = new TracingIds("req-1", "ctx-1", null);
		RequestTimeline timeline = this.tracker.start(ids, "trace-1");
		try (IdScope scope = this.idScopes.restore(ids)) {
			new LlmStages(this.registry, new StageNames(10), null).run("prompt-build", () -> sleep(30));
			observe(EmbeddingModelObservationContext.builder()
				.embeddingRequest(new org.springframework.ai.embedding.EmbeddingRequest(List.of("q"), null))
				.provider("openai")
				.build(), 20);
			observe(ToolCallingObservationContext.builder()
				.toolDefinition(org.springframework.ai.tool.definition.ToolDefinition.builder()
					.name("clock")
					.description("The time")
					.inputSchema("{}")
					.build())
				.toolCallArguments("{}")
				.build(), 20);
		}
		Instant modelStart = Instant.now();
		sleep(40);
		this.dispatcher.publish(exchange("ex-1", "req-1", modelStart, 40));
		this.dispatcher.publish(exchange("ex-other", "req-2", modelStart, 40));
		this.tracker.finish(timeline, "/chat", 200, null);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.records.size() == 1);
		RequestRecord record = this.records.get(0);
		assertThat(record.exchangeIds()).containsExactly("ex-1");
		assertThat(record.traceId()).isEqualTo("trace-1");
		assertThat(record.totals()).isEqualTo(new RequestTotals(1, 10L, 5L, new BigDecimal("0.01"), "USD"));
		assertThat(record.breakdown()).containsKeys("model", "tool", "retrieval", "prompt-build");
		// lower bounds only: a sleep can overrun on a loaded machine, never fall short
		assertThat(record.breakdown().get("prompt-build")).isGreaterThanOrEqualTo(25L);
		assertThat(record.breakdown().get("model")).isGreaterThanOrEqualTo(35L);
		assertThat(record.breakdown().values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(record.durationMillis());
		assertThat(record.activities()).extracting(RequestActivity::part, RequestActivity::name)
			.containsExactly(tuple("stage", "prompt-build"), tuple("retrieval", "retrieval"), tuple("tool", "tool"),
					tuple("model", "model"));
		List<RequestActivity> activities = record.activities();
		for (int i = 1; i < activities.size(); i++) {
			RequestActivity previous = activities.get(i - 1);
			// one after the other, each within the request
			assertThat(activities.get(i).offset()).isGreaterThanOrEqualTo(previous.offset().plus(previous.duration()));
		}
		assertThat(activities.get(0).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(25));
		RequestActivity last = activities.get(activities.size() - 1);
		assertThat(last.offset().plus(last.duration()))
			.isLessThanOrEqualTo(Duration.ofMillis(record.durationMillis() + 1));
	}

	@Test
	void shouldWaitForTheRecordOfAModelCallThatStoppedAfterTheRequestEnded() throws InterruptedException {
		RequestTimeline timeline = this.tracker.start(new TracingIds("req-5", null, null), null);
		Instant modelStart = Instant.now();
		this.tracker.modelCallStarted("req-5");
		this.tracker.finish(timeline, "/stream", 200, null);
		Thread.sleep(200);
		assertThat(this.records).isEmpty();
		this.dispatcher.publish(exchange("ex-5", "req-5", modelStart, 10));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.records.size() == 1);
		assertThat(this.records.get(0).exchangeIds()).containsExactly("ex-5");
	}

	@Test
	void shouldWriteTheRecordsOfRequestsWhoseModelCallRecordNeverCameAfterTheGracePeriodOldestFirst() {
		List<RequestRecord> written = new CopyOnWriteArrayList<>();
		ExchangeDispatcher[] dispatcher = new ExchangeDispatcher[1];
		RequestTracker tracker = new RequestTracker(() -> dispatcher[0], List.of(written::add), true, 100,
				new InstrumentationFailures(), Duration.ofMillis(300));
		dispatcher[0] = new ExchangeDispatcher(List.of(tracker), 100, Duration.ofSeconds(1),
				new InstrumentationFailures());
		try {
			for (String id : List.of("lost-1", "lost-2", "late")) {
				RequestTimeline timeline = tracker.start(new TracingIds(id, null, null), null);
				dispatcher[0].publish(exchange("ex-" + id + "-a", id, Instant.now(), 1));
				tracker.modelCallStarted(id);
				tracker.modelCallStarted(id);
				tracker.finish(timeline, "/stream", 200, null);
			}
			// the second round of "late" comes within the grace period: written at once
			dispatcher[0].publish(exchange("ex-late-b", "late", Instant.now(), 1));
			await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1);
			assertThat(written.get(0).exchangeIds()).containsExactly("ex-late-a", "ex-late-b");
			// the others are written with what they have once the grace period is over
			// and another record passes
			await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(400)).until(() -> {
				dispatcher[0].publish(exchange("ex-unrelated", "nobody", Instant.now(), 1));
				return written.size() == 3;
			});
			assertThat(written).extracting((record) -> record.ids().requestId())
				.containsExactly("late", "lost-1", "lost-2");
			assertThat(written.get(1).exchangeIds()).containsExactly("ex-lost-1-a");
		}
		finally {
			dispatcher[0].close();
		}
	}

	@Test
	void shouldWriteNoRecordForARequestWithoutModelCalls() {
		RequestTimeline timeline = this.tracker.start(new TracingIds("req-3", null, null), null);
		this.tracker.finish(timeline, "/health", 200, null);
		RequestTimeline next = this.tracker.start(new TracingIds("req-4", null, null), null);
		this.dispatcher.publish(exchange("ex-4", "req-4", Instant.now(), 1));
		this.tracker.finish(next, "/chat", 500, new IllegalStateException());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.records.size() == 1);
		assertThat(this.records.get(0).ids().requestId()).isEqualTo("req-4");
		assertThat(this.records.get(0).outcome()).isEqualTo(Outcome.ERROR);
		assertThat(this.records.get(0).errorType()).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void shouldNotReadTheStackTraceOfTheErrorOfARequestWithoutModelCalls() {
		RequestTracker tracker = new RequestTracker(() -> this.dispatcher, List.of(this.records::add), false, 100,
				new InstrumentationFailures());
		AtomicInteger stackTraceReads = new AtomicInteger();
		IllegalStateException error = new IllegalStateException("bad request") {
			@Override
			public StackTraceElement[] getStackTrace() {
				stackTraceReads.incrementAndGet();
				return super.getStackTrace();
			}
		};
		tracker.finish(tracker.start(new TracingIds("req-5", null, null), null), "/health", 400, error);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.records.size() == 1);
		assertThat(this.records.get(0).outcome()).isEqualTo(Outcome.ERROR);
		assertThat(this.records.get(0).signals()).isEmpty();
		assertThat(stackTraceReads).hasValue(0);
	}

	@Test
	void shouldNotFollowTwoRunningRequestsWithOneId() {
		TracingIds ids = new TracingIds("req-5", null, null);
		assertThat(this.tracker.start(ids, null)).isNotNull();
		assertThat(this.tracker.start(ids, null)).isNull();
	}

	private void observe(Observation.Context context, long millis) {
		Observation.createNotStarted("test", () -> context, this.registry).observe(() -> sleep(millis));
	}

	private static ExchangeRecord exchange(String exchangeId, String requestId, Instant start, long millis) {
		return new ExchangeRecord(new ExchangeIds(exchangeId, requestId, null, null, null, null),
				new ExchangeRequest("chat", null, null, null, null, null, false, Map.of(), null, null, null),
				new ExchangeResponse(null, null, List.of(), false), new TokenUsage(10, 5),
				new Timing(start, millis * 1_000_000, null), Outcome.SUCCESS, null,
				new Cost(new BigDecimal("0.01"), "USD"), null, null);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
