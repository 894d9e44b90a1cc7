package dev.llmtracing.autoconfigure.quality;

import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts a {@link ToolFailureRecorder} around each {@link ToolExecutionExceptionProcessor}
 * bean, Spring AI's own or the application's, before the tool calling manager gets it.
 *
 * @author llm-tracing
 */
final class ToolFailureRecorders implements BeanPostProcessor {

	private final ObjectProvider<ToolFailures> toolFailures;

	private final ObjectProvider<ObservationRegistry> registry;

	private final ObjectProvider<InstrumentationFailures> failures;

	ToolFailureRecorders(ObjectProvider<ToolFailures> toolFailures, ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<InstrumentationFailures> failures) {
		this.toolFailures = toolFailures;
		this.registry = registry;
		this.failures = failures;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ToolExecutionExceptionProcessor processor && !(bean instanceof ToolFailureRecorder)) {
			ToolFailures toolFailures = this.toolFailures.getIfAvailable();
			if (toolFailures != null) {
				return new ToolFailureRecorder(processor, this.registry.getIfUnique(() -> ObservationRegistry.NOOP),
						toolFailures, this.failures.getIfAvailable(InstrumentationFailures::new));
			}
		}
		return bean;
	}

}
