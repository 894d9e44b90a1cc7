package dev.llmtracing.autoconfigure.health;

import java.time.Clock;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.support.InstrumentationFailures;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code llmTracing} health contributor, which reports the
 * record writer's queue, dropped records and failing components as {@code UP} or
 * {@code DEGRADED}, never {@code DOWN}. Switched off with
 * {@code management.health.llmtracing.enabled=false}.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnLlmTracingEnabled
@ConditionalOnEnabledHealthIndicator("llmtracing")
public final class LlmTracingHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "llmTracingHealthIndicator")
	HealthIndicator llmTracingHealthIndicator(ExchangeDispatcher dispatcher, InstrumentationFailures failures) {
		return new LlmTracingHealthIndicator(dispatcher, failures, Clock.systemUTC());
	}

}
