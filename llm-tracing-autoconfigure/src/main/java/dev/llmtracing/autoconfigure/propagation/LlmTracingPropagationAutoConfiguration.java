package dev.llmtracing.autoconfigure.propagation;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdsThreadLocalAccessor;
import io.micrometer.context.ContextRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Auto-configuration of the propagation of the IDs across threads: the IDs are registered
 * with Micrometer's context propagation, and Spring-managed executors get a
 * {@link ContextPropagatingTaskDecorator} unless the application has a task decorator of
 * its own.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class,
		beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnClass(ContextRegistry.class)
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.propagation.threads", matchIfMissing = true)
public final class LlmTracingPropagationAutoConfiguration {

	@Bean
	IdsAccessorRegistration llmTracingIdsAccessorRegistration(IdScopes idScopes) {
		return new IdsAccessorRegistration(new IdsThreadLocalAccessor(idScopes));
	}

	@Bean
	@ConditionalOnMissingBean(TaskDecorator.class)
	ContextPropagatingTaskDecorator llmTracingContextPropagatingTaskDecorator(IdsAccessorRegistration registration) {
		return new ContextPropagatingTaskDecorator();
	}

	/**
	 * Registers the accessor in the global context registry for the life of the
	 * application context.
	 */
	static final class IdsAccessorRegistration implements DisposableBean {

		IdsAccessorRegistration(IdsThreadLocalAccessor accessor) {
			ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
		}

		@Override
		public void destroy() {
			ContextRegistry.getInstance().removeThreadLocalAccessor(IdsThreadLocalAccessor.KEY);
		}

	}

}
