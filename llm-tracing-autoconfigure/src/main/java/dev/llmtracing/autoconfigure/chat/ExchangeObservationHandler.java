package dev.llmtracing.autoconfigure.chat;

import java.time.Instant;
import java.util.List;

import dev.llmtracing.autoconfigure.chat.FirstChunkTimer.FirstChunk;
import dev.llmtracing.autoconfigure.chat.TraceContextLookup.TraceContext;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.Responses;
import dev.llmtracing.context.ExchangeIdEcho;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.RandomIds;
import dev.llmtracing.context.ReplayMarker;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.observation.RequiredListenerFailures;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeSignalDetector;
import dev.llmtracing.record.RequiredExchangeListener;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Records exactly one exchange per model call. Spring AI observes every chat model call
 * (call and stream, through a {@code ChatClient} or directly, each round of a
 * tool-calling loop) as a {@code gen_ai.client.operation} observation; this handler
 * captures the IDs when it starts and publishes an {@link ExchangeRecord} when it stops,
 * which for a stream is when it completes, fails or is cancelled, with the aggregated
 * response.
 * <p>
 * Every failure of its own is caught and counted: the model call, its response and its
 * exception are never touched. The one exception is a {@link RequiredExchangeListener} (a
 * fail-closed audit trail): when there is one, the record is built on the caller's thread
 * and handed to it before the call returns, and what it throws is kept in the observation
 * context for the {@link RequiredListenerFailures} handler to throw out of the call.
 * <p>
 * Not an extension point: to do more with each record, define an
 * {@link dev.llmtracing.record.ExchangeListener} bean; an application that defines its
 * own bean of this type replaces the auto-configured one.
 *
 * @author llm-tracing
 */
final class ExchangeObservationHandler implements ObservationHandler<ChatModelObservationContext> {

	private final IdScopes idScopes;

	private final ClientFactsResolver factsResolver;

	private final TraceContextLookup traceContextLookup;

	private final ExchangeDispatcher dispatcher;

	private final InstrumentationFailures failures;

	private final PriceTable prices;

	private final ContentCapture content;

	private final List<RequiredExchangeListener> required;

	private final ExchangeSignalDetector signals;

	/**
	 * Create a handler.
	 * @param idScopes reads the IDs of the current thread
	 * @param factsResolver finds what the {@code ChatClient} knows about the call
	 * @param traceContextLookup finds the span of the call
	 * @param dispatcher receives the finished records
	 * @param failures counts failures of the handler
	 * @param prices the price table that gives each record its cost
	 * @param content captures the content of each exchange under the content mode
	 */
	ExchangeObservationHandler(IdScopes idScopes, ClientFactsResolver factsResolver,
			TraceContextLookup traceContextLookup, ExchangeDispatcher dispatcher, InstrumentationFailures failures,
			PriceTable prices, ContentCapture content) {
		this(idScopes, factsResolver, traceContextLookup, dispatcher, failures, prices, content, List.of());
	}

	/**
	 * Create a handler that also hands each record to listeners on the caller's thread.
	 * @param idScopes reads the IDs of the current thread
	 * @param factsResolver finds what the {@code ChatClient} knows about the call
	 * @param traceContextLookup finds the span of the call
	 * @param dispatcher receives the finished records
	 * @param failures counts failures of the handler
	 * @param prices the price table that gives each record its cost
	 * @param content captures the content of each exchange under the content mode
	 * @param required told of each record before the call returns; what they throw fails
	 * the call
	 */
	public ExchangeObservationHandler(IdScopes idScopes, ClientFactsResolver factsResolver,
			TraceContextLookup traceContextLookup, ExchangeDispatcher dispatcher, InstrumentationFailures failures,
			PriceTable prices, ContentCapture content, List<RequiredExchangeListener> required) {
		this(idScopes, factsResolver, traceContextLookup, dispatcher, failures, prices, content, required,
				ExchangeSignalDetector.NONE);
	}

	/**
	 * Create a handler that also names the quality signals of each record.
	 * @param idScopes reads the IDs of the current thread
	 * @param factsResolver finds what the {@code ChatClient} knows about the call
	 * @param traceContextLookup finds the span of the call
	 * @param dispatcher receives the finished records
	 * @param failures counts failures of the handler
	 * @param prices the price table that gives each record its cost
	 * @param content captures the content of each exchange under the content mode
	 * @param required told of each record before the call returns; what they throw fails
	 * the call
	 * @param signals names the quality signals of each record where it is built
	 */
	public ExchangeObservationHandler(IdScopes idScopes, ClientFactsResolver factsResolver,
			TraceContextLookup traceContextLookup, ExchangeDispatcher dispatcher, InstrumentationFailures failures,
			PriceTable prices, ContentCapture content, List<RequiredExchangeListener> required,
			ExchangeSignalDetector signals) {
		this.signals = signals;
		this.required = List.copyOf(required);
		this.prices = prices;
		this.content = content;
		this.idScopes = idScopes;
		this.factsResolver = factsResolver;
		this.traceContextLookup = traceContextLookup;
		this.dispatcher = dispatcher;
		this.failures = failures;
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		try {
			ClientFacts facts = this.factsResolver.resolve(context);
			long startNanos = System.nanoTime();
			FirstChunk firstChunk = (facts.firstChunkTimer() != null && context.isStreaming())
					? facts.firstChunkTimer().restart(startNanos) : null;
			TracingIds ids = (facts.ids() != null) ? facts.ids() : this.idScopes.current();
			String exchangeId = RandomIds.next();
			context.put(ExchangeCapture.class, new ExchangeCapture(exchangeId, Instant.now(), startNanos, ids, facts,
					ReplayMarker.current(), firstChunk));
			// the IDs of the call for the handlers after this one, which cannot rely on
			// the thread: a streamed tool loop's second round may run on another one
			context.put(TracingIds.class, ids);
			ExchangeIdEcho.started(exchangeId);
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.CAPTURE, ex);
		}
	}

	/**
	 * Return whether anybody reads the records this handler builds: an exchange record
	 * line, metrics, signals or the index, or a listener of the application's. Without a
	 * reader no record is built.
	 * @return whether records are read
	 */
	boolean readsRecords() {
		return !this.required.isEmpty() || this.dispatcher.hasListeners();
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		try {
			ExchangeCapture capture = context.get(ExchangeCapture.class);
			if (capture == null) {
				return;
			}
			context.remove(ExchangeCapture.class);
			if (!readsRecords()) {
				return;
			}
			long durationNanos = System.nanoTime() - capture.startNanos();
			TraceContext trace = this.traceContextLookup.find(context);
			ModelCall call = ModelCall.of(context);
			FirstChunk firstChunk = capture.firstChunk();
			if (firstChunk == null) {
				publish(context, call, capture, durationNanos, null, trace);
				return;
			}
			// the record of a stream waits for its first chunk if that is still on its
			// way to the advisor; it holds the call, not the context and the
			// observations above it
			firstChunk.read(Responses.hasContent(call.response()),
					(timeToFirstChunk) -> publish(null, call, capture, durationNanos, timeToFirstChunk, trace));
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.CAPTURE, ex);
		}
	}

	/**
	 * Publish the record of a call, or hand it to the required listeners first.
	 * @param context the observation context, where a required listener's failure for a
	 * call is kept to be thrown out of it; {@code null} for a {@code ChatClient} stream,
	 * whose record may be built after its observation stopped
	 */
	private void publish(@Nullable ChatModelObservationContext context, ModelCall call, ExchangeCapture capture,
			long durationNanos, @Nullable Long timeToFirstChunk, @Nullable TraceContext trace) {
		try {
			if (!this.required.isEmpty()) {
				ExchangeRecord record = withSignals(call, ExchangeRecords.from(call, capture, durationNanos,
						timeToFirstChunk, trace, this.prices, this.content));
				tellRequired(call, context, record);
				this.dispatcher.publish(record);
				return;
			}
			this.dispatcher.publish(() -> withSignals(call, ExchangeRecords.from(call, capture, durationNanos,
					timeToFirstChunk, trace, this.prices, this.content)));
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.CAPTURE, ex);
		}
	}

	/**
	 * Name the quality signals of a record where it is built: on the dispatcher's thread,
	 * or on the caller's when a required listener must see the record first. A failing
	 * detector is counted and the record keeps no signals.
	 */
	private ExchangeRecord withSignals(ModelCall call, ExchangeRecord record) {
		if (this.signals == ExchangeSignalDetector.NONE) {
			return record;
		}
		try {
			return record.withSignals(this.signals.detect(record, new ModelOutput(call.prompt(), call.response(),
					ContentCapture.completionDigest(record.content()))));
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.QUALITY, ex);
			return record;
		}
	}

	/**
	 * Hand a record to the required listeners. What they throw for a call is kept, to be
	 * thrown out of it; a stream cannot fail that way, so its failure is logged.
	 */
	private void tellRequired(ModelCall call, @Nullable ChatModelObservationContext context, ExchangeRecord record) {
		for (RequiredExchangeListener listener : this.required) {
			try {
				listener.onExchange(record);
			}
			catch (RuntimeException ex) {
				if (context != null && !call.streaming()) {
					RequiredListenerFailures.keep(context, ex);
				}
				else {
					RequiredListenerFailures.streamFailed(ex);
				}
			}
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

}
