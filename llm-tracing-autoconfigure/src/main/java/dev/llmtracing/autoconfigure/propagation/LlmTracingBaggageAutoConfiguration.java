package dev.llmtracing.autoconfigure.propagation;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.IdScopes;
import io.micrometer.tracing.Tracer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the IDs as W3C baggage when Micrometer Tracing is on. The baggage
 * keys are the MDC keys. They are deliberately not listed in
 * {@code management.tracing.baggage.remote-fields}: with baggage fields configured,
 * Micrometer Tracing matches the key values of every observation against them at every
 * scope change; the inbound filters read the baggage field headers themselves.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnClass(Tracer.class)
@ConditionalOnBean(Tracer.class)
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.propagation.baggage", matchIfMissing = true)
public final class LlmTracingBaggageAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BaggageBridge llmTracingBaggageBridge(Tracer tracer, IdScopes idScopes) {
		return new TracerBaggageBridge(tracer, idScopes.getKeys());
	}

}
