package dev.llmtracing.stage;

import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Runs code that cannot be annotated (a lambda, a private method) as a stage, the way
 * {@link LlmStage @LlmStage} runs a method: {@code stages.run("rerank", () -> ...)}. A
 * {@code CompletableFuture} returned by {@link #call} is timed until it completes.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class LlmStages {

	private final @Nullable StageObserver observer;

	/**
	 * Create an instance that observes stages.
	 * @param registry the observation registry
	 * @param names bounds the stage names used as tags
	 * @param convention the convention of stage observations, or {@code null} for the
	 * default one
	 */
	public LlmStages(ObservationRegistry registry, StageNames names, @Nullable StageObservationConvention convention) {
		this(new StageObserver(registry, names, convention));
	}

	private LlmStages(@Nullable StageObserver observer) {
		this.observer = observer;
	}

	/**
	 * Return an instance that runs stages without observing them, for when stages are
	 * switched off.
	 * @return the instance
	 */
	public static LlmStages unobserved() {
		return new LlmStages(null);
	}

	/**
	 * Run a stage.
	 * @param name the name of the stage, matching {@code [a-z0-9._-]{1,64}}
	 * @param stage the stage
	 * @throws IllegalArgumentException if the name is invalid
	 */
	public void run(String name, Runnable stage) {
		call(name, () -> {
			stage.run();
			return null;
		});
	}

	/**
	 * Run a stage and return its result.
	 * @param <T> the type of the result
	 * @param name the name of the stage, matching {@code [a-z0-9._-]{1,64}}
	 * @param stage the stage
	 * @return the result of the stage
	 * @throws IllegalArgumentException if the name is invalid
	 */
	@SuppressWarnings("unchecked")
	public <T> T call(String name, Supplier<T> stage) {
		StageNames.check(name);
		if (this.observer == null) {
			return stage.get();
		}
		try {
			return (T) observe(name, Object.class, stage::get);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Nullable Object observe(String name, Class<?> returnType, StageObserver.Invocation invocation) throws Throwable {
		return (this.observer != null) ? this.observer.observe(name, returnType, invocation) : invocation.proceed();
	}

}
