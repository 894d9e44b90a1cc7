package dev.llmtracing.autoconfigure.stage;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.stage.LlmStageAspect;
import dev.llmtracing.stage.LlmStages;
import dev.llmtracing.stage.StageNames;
import dev.llmtracing.stage.StageObservationConvention;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.aspectj.weaver.Advice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

/**
 * Auto-configuration of stages: the aspect that observes methods annotated
 * {@code @LlmStage}, the start-up check of their names, and the {@link LlmStages} bean
 * for code that cannot be annotated. With stages switched off (or without AspectJ) an
 * {@link LlmStages#unobserved() unobserved} {@code LlmStages} keeps the application that
 * injects it starting.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnLlmTracingEnabled
@EnableConfigurationProperties(LlmTracingStageProperties.class)
public final class LlmTracingStageAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LlmStages llmStages() {
		return LlmStages.unobserved();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Advice.class)
	@ConditionalOnBooleanProperty(name = "llm.tracing.stages.enabled", matchIfMissing = true)
	@EnableAspectJAutoProxy
	static class ObservedStagesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StageNames llmTracingStageNames(LlmTracingStageProperties stages) {
			return new StageNames(stages.getNameLimit());
		}

		@Bean
		@ConditionalOnMissingBean
		LlmStages llmObservedStages(ObjectProvider<ObservationRegistry> registry, StageNames names,
				ObjectProvider<StageObservationConvention> convention) {
			return new LlmStages(registry.getIfAvailable(() -> ObservationRegistry.NOOP), names,
					convention.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		LlmStageAspect llmTracingStageAspect(LlmStages stages) {
			return new LlmStageAspect(stages);
		}

		@Bean
		static LlmStageMethodValidator llmTracingStageMethodValidator() {
			return new LlmStageMethodValidator();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterRegistry.class)
		static class StageMeterConfiguration {

			@Bean
			MeterBinder llmTracingStageNamesMeterBinder(StageNames names) {
				return (registry) -> FunctionCounter
					.builder(MetricNames.STAGE_NAMES_FOLDED, names, StageNames::getFoldedCount)
					.description("Stage calls tagged 'other' because the limit of distinct stage names was reached")
					.register(registry);
			}

		}

	}

}
