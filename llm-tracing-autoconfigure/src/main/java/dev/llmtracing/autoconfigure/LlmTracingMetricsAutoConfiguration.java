package dev.llmtracing.autoconfigure;

import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.metrics.ExchangeMetrics;
import dev.llmtracing.metrics.IdRejectionCounter;
import dev.llmtracing.metrics.LatencyHistogramMeterFilter;
import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.metrics.TracingHealthMeterBinder;
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
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of llm-tracing's meters: histogram buckets for Spring AI's model
 * timer, time to first chunk, outcomes, cost, and the health of the instrumentation.
 *
 * @author llm-tracing
 */
@AutoConfiguration(after = { LlmTracingAutoConfiguration.class, LlmTracingAuditAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, ExchangeDispatcher.class, PromptTagLimiter.class })
@ConditionalOnBooleanProperty(name = "llm.tracing.metrics.enabled", matchIfMissing = true)
public final class LlmTracingMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LatencyHistogramMeterFilter llmTracingLatencyHistogramMeterFilter(LlmTracingProperties properties) {
		return new LatencyHistogramMeterFilter(properties.getMetrics().getLatencyBuckets());
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeMetrics llmTracingExchangeMetrics(MeterRegistry registry, PromptTagLimiter promptTags,
			LlmTracingProperties properties) {
		return new ExchangeMetrics(registry, promptTags, properties.getMetrics().getTimeToFirstChunkBuckets());
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
