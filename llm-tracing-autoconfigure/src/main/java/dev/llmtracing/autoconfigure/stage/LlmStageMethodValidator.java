package dev.llmtracing.autoconfigure.stage;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.llmtracing.stage.LlmStage;
import dev.llmtracing.stage.StageNames;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Checks the names of the {@link LlmStage @LlmStage} methods of every bean when it is
 * created, so that an invalid name fails start-up naming the method rather than surfacing
 * on the first call.
 *
 * @author llm-tracing
 */
final class LlmStageMethodValidator implements BeanPostProcessor {

	private final Set<Class<?>> checked = ConcurrentHashMap.newKeySet();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (AnnotationUtils.isCandidateClass(type, LlmStage.class) && this.checked.add(type)) {
			Map<Method, LlmStage> stages = MethodIntrospector.selectMethods(type,
					(MethodIntrospector.MetadataLookup<LlmStage>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, LlmStage.class));
			stages.forEach((method, stage) -> {
				if (!StageNames.isValid(stage.value())) {
					throw new BeanInitializationException("Invalid @LlmStage(\"" + stage.value() + "\") on "
							+ method.getDeclaringClass().getName() + "." + method.getName() + " of bean '" + beanName
							+ "': use 1 to " + StageNames.MAX_LENGTH
							+ " characters of a-z, 0-9, '.', '_' and '-', for example prompt-build");
				}
			});
		}
		return bean;
	}

}
