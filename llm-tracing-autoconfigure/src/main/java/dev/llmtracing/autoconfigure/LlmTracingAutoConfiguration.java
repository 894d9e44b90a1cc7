package dev.llmtracing.autoconfigure;

import dev.llmtracing.autoconfigure.metrics.LlmTracingMetricsProperties;
import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScopeListener;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecordLogger;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.PromptTagLimiter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Core auto-configuration of llm-tracing: the ID scopes, the count of instrumentation
 * failures, the prompt tag limits, and the dispatcher that hands finished exchanges to
 * the JSON record logger and any other {@link ExchangeListener} bean.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnLlmTracingEnabled
@EnableConfigurationProperties({ LlmTracingProperties.class, LlmTracingRecordProperties.class,
		LlmTracingMetricsProperties.class })
public final class LlmTracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InstrumentationFailures llmTracingInstrumentationFailures() {
		return new InstrumentationFailures();
	}

	@Bean
	@ConditionalOnMissingBean
	PromptTagLimiter llmTracingPromptTagLimiter(LlmTracingMetricsProperties metrics) {
		return new PromptTagLimiter(metrics.getPromptTagLimit());
	}

	@Bean
	@ConditionalOnMissingBean
	IdScopes llmTracingIdScopes(LlmTracingProperties properties, ObjectProvider<IdRejectionListener> listeners,
			ObjectProvider<IdScopeListener> scopeListeners) {
		return new IdScopes(properties.mdcKeys(), new IdValidator(properties.getIds().getMaxLength()),
				IdRejectionListener.of(listeners.orderedStream().toList()), new IdScopeListeners(scopeListeners));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "llm.tracing.record.enabled", matchIfMissing = true)
	ExchangeRecordLogger llmTracingExchangeRecordLogger(LlmTracingRecordProperties record, IdScopes idScopes) {
		return new ExchangeRecordLogger(record.getLoggerName(), idScopes.getKeys());
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeDispatcher llmTracingExchangeDispatcher(LlmTracingRecordProperties record,
			ObjectProvider<ExchangeListener> listeners, InstrumentationFailures failures) {
		return new ExchangeDispatcher(listeners.orderedStream().toList(), record.getQueueCapacity(),
				record.getShutdownTimeout(), failures);
	}

	@Bean
	ExchangeDispatcherLifecycle llmTracingExchangeDispatcherLifecycle(ExchangeDispatcher dispatcher) {
		return new ExchangeDispatcherLifecycle(dispatcher);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
	static class LogbackConfiguration {

		@Bean
		LogbackAppenderFailures llmTracingLogbackAppenderFailures(InstrumentationFailures failures) {
			return new LogbackAppenderFailures(failures);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters")
	static class SpanExporterConfiguration {

		/**
		 * Wraps the exporters that Boot hands to its batch span processor, not the
		 * exporter beans themselves, so that an application injecting its exporter by its
		 * own type still gets it.
		 */
		@Bean
		static BeanPostProcessor llmTracingSpanExportersPostProcessor(
				ObjectProvider<InstrumentationFailures> failures) {
			return new CountingSpanExporters(failures);
		}

	}

}
