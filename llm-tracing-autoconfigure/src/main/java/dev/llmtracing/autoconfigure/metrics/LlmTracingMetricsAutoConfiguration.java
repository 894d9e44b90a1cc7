package dev.llmtracing.autoconfigure.metrics;

import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.audit.LlmTracingAuditAutoConfiguration;
import dev.llmtracing.autoconfigure.chat.LlmTracingChatAutoConfiguration;
import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of llm-tracing's meters: histogram buckets for Spring AI's model
 * timer, time to first chunk, outcomes, cost, request durations by route and part, and
 * the health of the instrumentation.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { LlmTracingAutoConfiguration.class, LlmTracingChatAutoConfiguration.class,
				LlmTracingAuditAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmTracingMetricsProperties.class)
public final class LlmTracingMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LatencyHistogramMeterFilter llmTracingLatencyHistogramMeterFilter(LlmTracingMetricsProperties metrics) {
		return new LatencyHistogramMeterFilter(metrics.getLatencyBuckets());
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeMetrics llmTracingExchangeMetrics(MeterRegistry registry, PromptTagLimiter promptTags,
			LlmTracingMetricsProperties metrics) {
		return new ExchangeMetrics(registry, promptTags, metrics.getTimeToFirstChunkBuckets());
	}

	@Bean
	@ConditionalOnMissingBean
	RequestMetrics llmTracingRequestMetrics(MeterRegistry registry, PromptTagLimiter promptTags) {
		return new RequestMetrics(registry, promptTags);
	}

	@Bean
	@ConditionalOnMissingBean
	IdRejectionCounter llmTracingIdRejectionCounter(MeterRegistry registry) {
		return new IdRejectionCounter(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	TracingHealthMeterBinder llmTracingHealthMeterBinder(ExchangeDispatcher dispatcher,
			InstrumentationFailures failures) {
		return new TracingHealthMeterBinder(dispatcher, failures);
	}

	@Bean
	@ConditionalOnBean(AuditTrailWriter.class)
	MeterBinder llmTracingAuditMeterBinder(AuditTrailWriter writer) {
		return (registry) -> FunctionCounter
			.builder(MetricNames.AUDIT_FAILURES, writer, AuditTrailWriter::getFailureCount)
			.description("Exchange records that could not be written to the audit trail")
			.register(registry);
	}

}
