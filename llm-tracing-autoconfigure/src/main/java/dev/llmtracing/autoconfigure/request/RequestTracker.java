package dev.llmtracing.autoconfigure.request;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.llmtracing.context.IdScopeListener;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.quality.QualitySignal;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.request.RequestActivity;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.request.RequestTotals;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.ErrorTypes;
import dev.llmtracing.support.InstrumentationFailures;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Follows the requests that are running: the inbound filter starts and finishes them
 * (and, as an {@link IdScopeListener}, the opening and closing of a unit of work's ID
 * scope does outside HTTP), {@link RequestPartObservationHandler} adds their stages, tool
 * executions and retrievals, and as an {@link ExchangeListener} it adds their model
 * calls. A finished request becomes a {@link RequestRecord} on the exchange dispatcher's
 * thread, after the records of its model calls, and is handed to the
 * {@link RequestListener listeners}.
 *
 * @author llm-tracing
 */
final class RequestTracker implements ExchangeListener, IdScopeListener {

	/**
	 * The MDC key under which Micrometer Tracing puts the current trace ID (Spring Boot's
	 * default log correlation).
	 */
	static final String TRACE_ID_MDC_KEY = "traceId";

	private static final Duration GRACE = Duration.ofSeconds(10);

	private static final List<String> OUTPUT_PARSE_ERROR = List.of(QualitySignal.OUTPUT_PARSE_ERROR.value());

	private final Map<String, RequestTimeline> running = new ConcurrentHashMap<>();

	/**
	 * The requests whose record waits for an exchange record, oldest first. Only the
	 * dispatcher's thread touches it.
	 */
	private final Deque<RequestTimeline> deferred = new ArrayDeque<>();

	private final Supplier<ExchangeDispatcher> dispatcher;

	private final List<RequestListener> listeners;

	private final boolean onlyWithModelCalls;

	private final int maxRunning;

	private final InstrumentationFailures failures;

	private final long graceNanos;

	/**
	 * Create a tracker.
	 * @param dispatcher the dispatcher whose thread builds and hands out the records,
	 * looked up when the first request finishes (the dispatcher also tells this tracker
	 * of exchanges)
	 * @param listeners the listeners of finished requests
	 * @param onlyWithModelCalls whether to record only requests that made a model call
	 * @param maxRunning the most requests followed at once; further ones are not
	 * @param failures counts exceptions thrown by listeners
	 */
	RequestTracker(Supplier<ExchangeDispatcher> dispatcher, List<RequestListener> listeners, boolean onlyWithModelCalls,
			int maxRunning, InstrumentationFailures failures) {
		this(dispatcher, listeners, onlyWithModelCalls, maxRunning, failures, GRACE);
	}

	RequestTracker(Supplier<ExchangeDispatcher> dispatcher, List<RequestListener> listeners, boolean onlyWithModelCalls,
			int maxRunning, InstrumentationFailures failures, Duration grace) {
		this.dispatcher = dispatcher;
		this.listeners = List.copyOf(listeners);
		this.onlyWithModelCalls = onlyWithModelCalls;
		this.maxRunning = maxRunning;
		this.failures = failures;
		this.graceNanos = grace.toNanos();
	}

	@Nullable RequestTimeline start(TracingIds ids, @Nullable String traceId) {
		String requestId = ids.requestId();
		if (requestId == null || this.running.size() >= this.maxRunning) {
			return null;
		}
		RequestTimeline timeline = new RequestTimeline(ids, traceId, Instant.now(), System.nanoTime());
		return (this.running.putIfAbsent(requestId, timeline) == null) ? timeline : null;
	}

	/**
	 * Follow a unit of work outside HTTP, from the opening of its ID scope until it
	 * closes; its record has no route and no status.
	 */
	@Override
	public @Nullable Runnable opened(TracingIds ids) {
		RequestTimeline timeline = startHere(() -> ids);
		if (timeline == null) {
			return null;
		}
		return () -> {
			try {
				finish(timeline, null, null, null);
			}
			catch (RuntimeException ex) {
				recordFailure(ex);
			}
		};
	}

	/**
	 * Start following a request on the thread it arrives on, with the trace ID of the
	 * thread's MDC; a failure is counted, never thrown.
	 * @param ids supplies the request's IDs
	 * @return the request's timeline, or {@code null} if it is not followed
	 */
	@Nullable RequestTimeline startHere(Supplier<TracingIds> ids) {
		try {
			return start(ids.get(), MDC.get(TRACE_ID_MDC_KEY));
		}
		catch (RuntimeException ex) {
			recordFailure(ex);
			return null;
		}
	}

	void recordFailure(RuntimeException ex) {
		this.failures.record(InstrumentedComponent.REQUEST, ex);
	}

	/**
	 * Whether every request gets a record, also one without model calls.
	 */
	boolean recordsEveryRequest() {
		return !this.onlyWithModelCalls;
	}

	boolean isFollowing() {
		return !this.running.isEmpty();
	}

	@Nullable Activity begin(@Nullable String requestId, Part part, String key) {
		RequestTimeline timeline = (requestId != null) ? this.running.get(requestId) : null;
		return (timeline != null) ? timeline.begin(part, key, System.nanoTime()) : null;
	}

	void finish(RequestTimeline timeline, @Nullable String route, @Nullable Integer httpStatus,
			@Nullable Throwable error) {
		finish(timeline, route, null, httpStatus, error, (error != null) ? ErrorTypes.of(error) : null);
	}

	/**
	 * Finish a request.
	 * @param timeline the request
	 * @param route its route template, or {@code null}
	 * @param rpcMethod the full name of its gRPC method, or {@code null}
	 * @param httpStatus its HTTP status, or {@code null}
	 * @param error the error it ended with, or {@code null}
	 * @param errorType the type of the error it ended with, or {@code null} if it
	 * succeeded
	 */
	void finish(RequestTimeline timeline, @Nullable String route, @Nullable String rpcMethod,
			@Nullable Integer httpStatus, @Nullable Throwable error, @Nullable String errorType) {
		long durationNanos = timeline.elapsedNanos(System.nanoTime());
		Outcome outcome = (errorType != null || (httpStatus != null && httpStatus >= 500)) ? Outcome.ERROR
				: Outcome.SUCCESS;
		Runnable publish = () -> {
			this.running.remove(timeline.ids.requestId(), timeline);
			publish(timeline, route, rpcMethod, httpStatus, durationNanos, outcome, errorType, error);
		};
		boolean queued = this.dispatcher.get().execute(() -> {
			long now = System.nanoTime();
			if (!timeline.publishWhenComplete(publish, now)) {
				this.deferred.addLast(timeline);
			}
			publishOverdue(now);
		});
		if (!queued) {
			this.running.remove(timeline.ids.requestId(), timeline);
		}
	}

	@Override
	public void onExchange(ExchangeRecord record) {
		String requestId = record.ids().requestId();
		RequestTimeline timeline = (requestId != null) ? this.running.get(requestId) : null;
		if (timeline != null) {
			timeline.add(record);
			Runnable deferred = timeline.takeDeferred(System.nanoTime(), this.graceNanos);
			if (deferred != null) {
				deferred.run();
			}
		}
		publishOverdue(System.nanoTime());
	}

	void modelCallStarted(@Nullable String requestId) {
		RequestTimeline timeline = (requestId != null) ? this.running.get(requestId) : null;
		if (timeline != null) {
			timeline.modelCallStarted();
		}
	}

	/**
	 * Publish the requests that waited longer than the grace period for an exchange
	 * record that never came (dropped from a full queue, for example). Requests are
	 * deferred in the order of time, so only the oldest ones are looked at: the cost per
	 * record does not grow with the number of requests waiting to be written.
	 */
	private void publishOverdue(long now) {
		RequestTimeline oldest;
		while ((oldest = this.deferred.peekFirst()) != null) {
			if (oldest.isDeferred()) {
				Runnable publish = oldest.takeDeferred(now, this.graceNanos);
				if (publish == null) {
					return;
				}
				publish.run();
			}
			this.deferred.removeFirst();
		}
	}

	private void publish(RequestTimeline timeline, @Nullable String route, @Nullable String rpcMethod,
			@Nullable Integer httpStatus, long durationNanos, Outcome outcome, @Nullable String errorType,
			@Nullable Throwable error) {
		List<ExchangeRecord> exchanges = timeline.exchanges();
		if (this.onlyWithModelCalls && exchanges.isEmpty()) {
			return;
		}
		// only an answer can fail to convert; reading the stack trace costs its frames
		List<String> signals = (error != null && !exchanges.isEmpty() && OutputParseErrors.isOutputParseError(error))
				? OUTPUT_PARSE_ERROR : List.of();
		List<String> exchangeIds = new ArrayList<>(exchanges.size());
		for (ExchangeRecord exchange : exchanges) {
			exchangeIds.add(exchange.ids().exchangeId());
		}
		String traceId = timeline.traceId;
		if (traceId == null && !exchanges.isEmpty()) {
			traceId = exchanges.get(0).ids().traceId();
		}
		long durationMillis = durationNanos / 1_000_000;
		List<Activity> activities = timeline.activities();
		List<RequestActivity> timed = new ArrayList<>(activities.size());
		for (Activity activity : activities) {
			timed.add(activity.toRequestActivity(durationNanos));
		}
		// a model call joins the timeline when its record arrives, after it started
		timed.sort(Comparator.comparing(RequestActivity::offset));
		RequestRecord record = new RequestRecord(timeline.ids, traceId, route, httpStatus, timeline.startTime,
				durationMillis, exchangeIds, Breakdown.of(activities, durationMillis), totals(exchanges), outcome,
				errorType, timeline.firstByteMillis(), signals,
				exchanges.isEmpty() ? null : exchanges.get(exchanges.size() - 1).request(), timed, rpcMethod);
		for (RequestListener listener : this.listeners) {
			try {
				listener.onRequest(record);
			}
			catch (Throwable ex) {
				this.failures.record(InstrumentedComponent.EXCHANGE_LISTENER, ex);
			}
		}
	}

	private static RequestTotals totals(List<ExchangeRecord> exchanges) {
		Long input = null;
		Long output = null;
		BigDecimal cost = null;
		String currency = null;
		for (ExchangeRecord exchange : exchanges) {
			if (exchange.usage().inputTokens() != null) {
				input = ((input != null) ? input : 0L) + exchange.usage().inputTokens();
			}
			if (exchange.usage().outputTokens() != null) {
				output = ((output != null) ? output : 0L) + exchange.usage().outputTokens();
			}
			if (exchange.cost() != null && (currency == null || currency.equals(exchange.cost().currency()))) {
				cost = ((cost != null) ? cost : BigDecimal.ZERO).add(exchange.cost().amount());
				currency = exchange.cost().currency();
			}
		}
		return new RequestTotals(exchanges.size(), input, output, cost, currency);
	}

}
