package dev.llmtracing.stage;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

/**
 * The Spring AOP aspect that runs methods annotated {@link LlmStage @LlmStage} as stages.
 * Names were checked at start-up by {@link LlmStageMethodValidator}.
 *
 * @author llm-tracing
 */
@Aspect
public final class LlmStageAspect {

	private final LlmStages stages;

	/**
	 * Create an aspect.
	 * @param stages the stages bean whose observations it uses
	 */
	public LlmStageAspect(LlmStages stages) {
		this.stages = stages;
	}

	/**
	 * Run an annotated method as a stage.
	 * @param joinPoint the call
	 * @param stage the annotation
	 * @return what the method returned, or a publisher that observes it
	 * @throws Throwable what the method threw
	 */
	@Around("execution(* *(..)) && @annotation(stage)")
	public @Nullable Object observe(ProceedingJoinPoint joinPoint, LlmStage stage) throws Throwable {
		Class<?> returnType = ((MethodSignature) joinPoint.getSignature()).getReturnType();
		return this.stages.observe(stage.value(), returnType, joinPoint::proceed);
	}

}
