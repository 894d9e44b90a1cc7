package dev.llmtracing.autoconfigure.quality;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.record.ExchangeSignalDetector;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the quality signals that the capture names on every exchange
 * ({@code llm.quality.signals} in the record, the {@code llm.quality.signal} counter).
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class)
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.quality.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmTracingQualityProperties.class)
public final class LlmTracingQualityAutoConfiguration {

	/**
	 * Failed tool calls remembered until the round that receives their results: far more
	 * than the tool loops in flight at once.
	 */
	private static final int MAX_TOOL_FAILURES = 10_000;

	@Bean
	@ConditionalOnMissingBean
	ExchangeSignalDetector llmTracingQualitySignals(LlmTracingQualityProperties quality,
			ObjectProvider<ToolFailures> toolFailures) {
		LlmTracingQualityProperties.LengthDrift drift = quality.getLengthDrift();
		return new QualitySignals(
				new RefusalPhrases(quality.getRefusal().getPhrases(), quality.getRefusal().getScanLength()),
				new LatencyObjectives(quality.getSlow().getObjectives(), quality.getSlow().getDefaultObjective()),
				quality.getNondeterministic().isEnabled()
						? new ReproducibilityCheck(quality.getNondeterministic().getMaxPrompts()) : null,
				drift.isEnabled() ? new LengthDrift(drift.getWindow(), drift.getMinSamples(), drift.getFactor(),
						drift.getMaxSeries()) : null,
				toolFailures.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ToolExecutionExceptionProcessor.class)
	static class ToolErrorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ToolFailures llmTracingToolFailures() {
			return new ToolFailures(MAX_TOOL_FAILURES);
		}

		@Bean
		static ToolFailureRecorders llmTracingToolFailureRecorders(ObjectProvider<ToolFailures> toolFailures,
				ObjectProvider<ObservationRegistry> registry, ObjectProvider<InstrumentationFailures> failures) {
			return new ToolFailureRecorders(toolFailures, registry, failures);
		}

	}

}
