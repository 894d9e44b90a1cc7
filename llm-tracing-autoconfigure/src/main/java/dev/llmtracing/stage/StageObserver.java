package dev.llmtracing.stage;

import java.util.concurrent.CompletionStage;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Runs a stage as an observation: plain results stop it on return, a
 * {@link CompletionStage} when it completes, a {@code Mono} or {@code Flux} (by declared
 * return type) is observed from subscription until it terminates or is cancelled. The
 * exception of the stage is recorded and rethrown unchanged.
 *
 * @author llm-tracing
 */
final class StageObserver {

	static final String SUCCESS = "success";

	static final String ERROR = "error";

	static final String CANCELLED = "cancelled";

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			StageObserver.class.getClassLoader());

	private static final DefaultStageObservationConvention DEFAULT_CONVENTION = new DefaultStageObservationConvention();

	private final ObservationRegistry registry;

	private final StageNames names;

	private final @Nullable StageObservationConvention convention;

	StageObserver(ObservationRegistry registry, StageNames names, @Nullable StageObservationConvention convention) {
		this.registry = registry;
		this.names = names;
		this.convention = convention;
	}

	/**
	 * Run a stage.
	 * @param name the valid name of the stage
	 * @param returnType the declared return type of the stage
	 * @param invocation the stage itself
	 * @return what the stage returned, or a publisher that observes it
	 * @throws Throwable what the stage threw
	 */
	@Nullable Object observe(String name, Class<?> returnType, Invocation invocation) throws Throwable {
		if (this.registry.isNoop()) {
			return invocation.proceed();
		}
		if (REACTOR_PRESENT && ReactiveStages.isReactive(returnType)) {
			Object publisher = invocation.proceed();
			return (publisher != null) ? ReactiveStages.observe(publisher, () -> create(name)) : null;
		}
		Observation observation = create(name).start();
		boolean async = false;
		try (Observation.Scope scope = observation.openScope()) {
			Object result = invocation.proceed();
			if (result instanceof CompletionStage<?> stage) {
				async = true;
				stage.whenComplete((value, ex) -> stop(observation, ex));
			}
			return result;
		}
		catch (Throwable ex) {
			error(observation, ex);
			throw ex;
		}
		finally {
			if (!async) {
				observation.stop();
			}
		}
	}

	Observation create(String name) {
		StageContext context = new StageContext(name, this.names.bound(name));
		return StageObservationDocumentation.STAGE.observation(this.convention, DEFAULT_CONVENTION, () -> context,
				this.registry);
	}

	static void stop(Observation observation, @Nullable Throwable ex) {
		if (ex != null) {
			error(observation, ex);
		}
		observation.stop();
	}

	static void error(Observation observation, Throwable ex) {
		((StageContext) observation.getContext()).setOutcome(ERROR);
		observation.error(ex);
	}

	static void cancelled(Observation observation) {
		((StageContext) observation.getContext()).setOutcome(CANCELLED);
	}

	/**
	 * The stage itself.
	 */
	@FunctionalInterface
	interface Invocation {

		@Nullable Object proceed() throws Throwable;

	}

}
