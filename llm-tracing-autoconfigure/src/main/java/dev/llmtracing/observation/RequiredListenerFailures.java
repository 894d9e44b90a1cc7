package dev.llmtracing.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Throws out of a model {@code call()} the exception of a
 * {@link dev.llmtracing.record.RequiredExchangeListener} that the
 * {@link ExchangeObservationHandler} kept, such as an audit line that could not be
 * written with {@code llm.tracing.audit.on-failure=fail-closed}.
 * <p>
 * It must be the first handler registered with the observation registry: Micrometer stops
 * handlers in the reverse order of registration, so the first one registered is stopped
 * last, after the tracing and meter handlers have ended the span and stopped the timers
 * of the call. An exception thrown earlier would leave them running.
 * <p>
 * A stream cannot fail this way: its chunks have gone to the subscriber by the time
 * Spring AI stops its observation, and its record may even be built later, when its first
 * chunk has reached the {@code ChatClient}. The failure of a stream is logged (and was
 * counted by the listener).
 *
 * @author llm-tracing
 */
public final class RequiredListenerFailures implements ObservationHandler<ChatModelObservationContext> {

	private static final Logger logger = LoggerFactory.getLogger(RequiredListenerFailures.class);

	/**
	 * Keep the first failure of a required listener on the observation of a call (not a
	 * stream: see {@link #streamFailed}), to be thrown when the observation stops.
	 * @param context the observation context of the model call
	 * @param ex the failure
	 */
	public static void keep(ChatModelObservationContext context, RuntimeException ex) {
		if (context.get(Failure.class) == null) {
			context.put(Failure.class, new Failure(ex));
		}
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		Failure failure = context.get(Failure.class);
		if (failure == null) {
			return;
		}
		context.remove(Failure.class);
		throw failure.exception();
	}

	/**
	 * Log the failure of a required listener for a streamed model call, which cannot be
	 * thrown to its subscriber.
	 * @param ex the failure
	 */
	public static void streamFailed(RuntimeException ex) {
		logger.error("A streamed model call completed although its record could not be kept: {}", ex.getMessage());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

	private record Failure(RuntimeException exception) {
	}

}
