package dev.llmtracing.stage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as a stage of the work around model calls, such as
 * {@code @LlmStage("prompt-build")}, {@code @LlmStage("retrieval")} or
 * {@code @LlmStage("output-shaping")}. Each call is an observation named
 * {@value StageObservationDocumentation#NAME}: a span that parents the model calls made
 * inside it, and a timer tagged {@code stage} and {@code outcome}. Methods returning a
 * {@code Mono} or {@code Flux} are timed from subscription until the publisher terminates
 * or is cancelled, methods returning a {@code CompletableFuture} until it completes. An
 * exception is recorded and rethrown unchanged.
 * <p>
 * The name must match {@code [a-z0-9._-]{1,64}}; an invalid name fails start-up.
 *
 * @author llm-tracing
 * @since 0.1.0
 * @see LlmStages
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LlmStage {

	/**
	 * The name of the stage, such as {@code prompt-build}.
	 * @return the name
	 */
	String value();

}
