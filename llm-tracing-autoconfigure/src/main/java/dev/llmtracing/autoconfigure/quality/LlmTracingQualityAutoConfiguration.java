package dev.llmtracing.autoconfigure.quality;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.quality.LatencyObjectives;
import dev.llmtracing.quality.LengthDrift;
import dev.llmtracing.quality.QualitySignals;
import dev.llmtracing.quality.RefusalPhrases;
import dev.llmtracing.quality.ReproducibilityCheck;
import dev.llmtracing.record.ExchangeSignalDetector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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

	@Bean
	@ConditionalOnMissingBean
	ExchangeSignalDetector llmTracingQualitySignals(LlmTracingQualityProperties quality) {
		LlmTracingQualityProperties.LengthDrift drift = quality.getLengthDrift();
		return new QualitySignals(
				new RefusalPhrases(quality.getRefusal().getPhrases(), quality.getRefusal().getScanLength()),
				new LatencyObjectives(quality.getSlow().getObjectives(), quality.getSlow().getDefaultObjective()),
				quality.getNondeterministic().isEnabled()
						? new ReproducibilityCheck(quality.getNondeterministic().getMaxPrompts()) : null,
				drift.isEnabled() ? new LengthDrift(drift.getWindow(), drift.getMinSamples(), drift.getFactor(),
						drift.getMaxSeries()) : null);
	}

}
