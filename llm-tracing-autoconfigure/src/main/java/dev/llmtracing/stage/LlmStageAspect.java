package dev.llmtracing.stage;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The Spring AOP aspect that runs methods annotated {@link LlmStage @LlmStage} as stages.
 * Names were checked at start-up (by the auto-configuration). The annotation is read once
 * per method rather than bound on every call, which keeps the cost per call down.
 *
 * @author llm-tracing
 */
@Aspect
public final class LlmStageAspect {

	private final LlmStages stages;

	private final Map<Method, String> names = new ConcurrentHashMap<>();

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
	 * @return what the method returned, or a publisher that observes it
	 * @throws Throwable what the method threw
	 */
	@Around("execution(* *(..)) && @annotation(dev.llmtracing.stage.LlmStage)")
	public @Nullable Object observe(ProceedingJoinPoint joinPoint) throws Throwable {
		Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
		String name = this.names.computeIfAbsent(method, LlmStageAspect::name);
		return this.stages.observe(name, method.getReturnType(), joinPoint::proceed);
	}

	private static String name(Method method) {
		LlmStage stage = AnnotatedElementUtils.findMergedAnnotation(method, LlmStage.class);
		return StageNames.check((stage != null) ? stage.value() : null);
	}

}
