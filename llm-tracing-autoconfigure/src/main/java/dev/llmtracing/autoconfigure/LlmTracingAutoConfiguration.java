package dev.llmtracing.autoconfigure;

import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.cost.PriceTable;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecordLogger;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.PromptTagLimiter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Core auto-configuration of llm-tracing: the ID scopes, the count of instrumentation
 * failures, the price table, the prompt tag limits, and the dispatcher that hands
 * finished exchanges to the JSON record logger and any other {@link ExchangeListener}
 * bean.
 *
 * @author llm-tracing
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "llm.tracing.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmTracingProperties.class)
public final class LlmTracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InstrumentationFailures llmTracingInstrumentationFailures() {
		return new InstrumentationFailures();
	}

	@Bean
	@ConditionalOnMissingBean
	PromptTagLimiter llmTracingPromptTagLimiter(LlmTracingProperties properties) {
		return new PromptTagLimiter(properties.getMetrics().getPromptTagLimit());
	}

	@Bean
	@ConditionalOnMissingBean
	PriceTable llmTracingPriceTable(LlmTracingProperties properties) {
		return PriceTables.from(properties.getCost());
	}

	@Bean
	@ConditionalOnMissingBean
	IdScopes llmTracingIdScopes(LlmTracingProperties properties, ObjectProvider<IdRejectionListener> listeners) {
		LlmTracingProperties.Ids ids = properties.getIds();
		MdcKeys keys = new MdcKeys(ids.getRequestIdMdcKey(), ids.getContextIdMdcKey(), ids.getUserIdMdcKey());
		return new IdScopes(keys, new IdValidator(ids.getMaxLength()),
				IdRejectionListener.of(listeners.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "llm.tracing.record.enabled", matchIfMissing = true)
	ExchangeRecordLogger llmTracingExchangeRecordLogger(LlmTracingProperties properties, IdScopes idScopes) {
		return new ExchangeRecordLogger(properties.getRecord().getLoggerName(), idScopes.getKeys());
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeDispatcher llmTracingExchangeDispatcher(LlmTracingProperties properties,
			ObjectProvider<ExchangeListener> listeners, InstrumentationFailures failures) {
		LlmTracingProperties.Record record = properties.getRecord();
		return new ExchangeDispatcher(listeners.orderedStream().toList(), record.getQueueCapacity(),
				record.getShutdownTimeout(), failures);
	}

}
