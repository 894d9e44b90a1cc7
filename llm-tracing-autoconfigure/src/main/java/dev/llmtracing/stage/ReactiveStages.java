package dev.llmtracing.stage;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Observes a {@link Mono} or {@link Flux} stage from subscription until it terminates or
 * is cancelled; the observation is put in the Reactor context so that model calls inside
 * take it as their parent. Only loaded when Reactor is on the class path.
 *
 * @author llm-tracing
 */
final class ReactiveStages {

	private ReactiveStages() {
	}

	static boolean isReactive(Class<?> type) {
		return Mono.class.isAssignableFrom(type) || Flux.class.isAssignableFrom(type);
	}

	static Object observe(Object publisher, Supplier<Observation> observations) {
		if (publisher instanceof Mono<?> mono) {
			return Mono.deferContextual((view) -> {
				Stopper stopper = new Stopper(start(observations, view));
				Observation observation = stopper.observation;
				return mono.doOnError((ex) -> StageObserver.error(observation, ex))
					.doOnTerminate(stopper)
					.doOnCancel(stopper::cancel)
					.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
			});
		}
		Flux<?> flux = (Flux<?>) publisher;
		return Flux.deferContextual((view) -> {
			Stopper stopper = new Stopper(start(observations, view));
			Observation observation = stopper.observation;
			return flux.doOnError((ex) -> StageObserver.error(observation, ex))
				.doOnTerminate(stopper)
				.doOnCancel(stopper::cancel)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private static Observation start(Supplier<Observation> observations, ContextView view) {
		Observation observation = observations.get();
		Observation parent = view.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return observation.start();
	}

	/**
	 * Stops the observation once, before the terminal signal reaches the subscriber.
	 */
	private static final class Stopper extends AtomicBoolean implements Runnable {

		private final Observation observation;

		Stopper(Observation observation) {
			this.observation = observation;
		}

		@Override
		public void run() {
			if (compareAndSet(false, true)) {
				this.observation.stop();
			}
		}

		void cancel() {
			if (compareAndSet(false, true)) {
				StageObserver.cancelled(this.observation);
				this.observation.stop();
			}
		}

	}

}
