package dev.llmtracing.autoconfigure.chat;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.content.LlmTracingContentProperties;
import dev.llmtracing.autoconfigure.content.LlmTracingEncryptionAutoConfiguration;
import dev.llmtracing.autoconfigure.content.LlmTracingMaskingProperties;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeSignalDetector;
import dev.llmtracing.record.RequiredExchangeListener;
import dev.llmtracing.redact.Redactor;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration of the capture of chat model calls: an observation handler on Spring
 * AI's model observation records one exchange per call, and an advisor on every
 * {@code ChatClient} carries the caller's IDs to it.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = { LlmTracingAutoConfiguration.class, LlmTracingEncryptionAutoConfiguration.class })
@ConditionalOnClass({ ChatModelObservationContext.class, ObservationHandler.class })
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.capture.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ LlmTracingCaptureProperties.class, LlmTracingCostProperties.class,
		LlmTracingContentProperties.class, LlmTracingMaskingProperties.class })
public final class LlmTracingChatAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PriceTable llmTracingPriceTable(LlmTracingCostProperties cost) {
		return PriceTables.from(cost);
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeObservationHandler llmTracingExchangeObservationHandler(IdScopes idScopes,
			ObjectProvider<ClientFactsResolver> factsResolver, ObjectProvider<TraceContextLookup> traceContextLookup,
			ExchangeDispatcher dispatcher, InstrumentationFailures failures, PriceTable prices,
			ContentCapture contentCapture, ObjectProvider<RequiredExchangeListener> required,
			ObjectProvider<ExchangeSignalDetector> signals) {
		return new ExchangeObservationHandler(idScopes, factsResolver.getIfAvailable(() -> ClientFactsResolver.NONE),
				traceContextLookup.getIfAvailable(() -> TraceContextLookup.NONE), dispatcher, failures, prices,
				contentCapture, required.orderedStream().toList(),
				signals.getIfAvailable(() -> ExchangeSignalDetector.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	ContentCapture llmTracingContentCapture(LlmTracingContentProperties content, LlmTracingMaskingProperties masking,
			ObjectProvider<Redactor> redactors, InstrumentationFailures failures,
			ObjectProvider<ContentEncryptor> encryptor) {
		return ContentCaptures.from(content, masking, redactors.orderedStream().toList(), failures,
				encryptor.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ModelObservationEnricher llmTracingModelObservationEnricher(PromptTagLimiter promptTags,
			InstrumentationFailures failures, LlmTracingContentProperties content, LlmTracingMaskingProperties masking,
			ObjectProvider<Redactor> redactors) {
		ContentCapture spanContent = content.isOnSpans()
				? ContentCaptures.forSpans(content, masking, redactors.orderedStream().toList(), failures) : null;
		return new ModelObservationEnricher(promptTags, failures, spanContent);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ChatClientBuilderCustomizer.class, AdvisorObservationContext.class })
	static class ChatClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClientFactsResolver llmTracingClientFactsResolver() {
			return new AdvisorClientFactsResolver();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "llm.tracing.capture.advisor-enabled", matchIfMissing = true)
		TracingAdvisor llmTracingAdvisor(IdScopes idScopes, InstrumentationFailures failures) {
			return new TracingAdvisor(idScopes, failures);
		}

		/**
		 * Add the advisor to every {@code ChatClient} built from Boot's builder when
		 * something reads exchange records. Otherwise it would only hand the IDs down
		 * (the time to first chunk of a stream is its only other use), which
		 * {@link ChatClientIdsHandler} does for less: each advisor costs every call a
		 * link in its advisor chain and each stream an observation, operators and a
		 * message aggregator of Spring AI's.
		 */
		@Bean
		@ConditionalOnBean(TracingAdvisor.class)
		ChatClientBuilderCustomizer llmTracingChatClientBuilderCustomizer(TracingAdvisor advisor,
				ExchangeObservationHandler handler) {
			boolean readsRecords = handler.readsRecords();
			return (builder) -> {
				if (readsRecords) {
					builder.defaultAdvisors(advisor);
				}
			};
		}

		@Bean
		@ConditionalOnBean(TracingAdvisor.class)
		ChatClientIdsHandler llmTracingChatClientIdsHandler(IdScopes idScopes, InstrumentationFailures failures,
				ExchangeObservationHandler handler) {
			return new ChatClientIdsHandler(idScopes, failures, !handler.readsRecords());
		}

		@Bean
		@ConditionalOnBean(TracingAdvisor.class)
		TracingAdvisorObservationPredicate llmTracingAdvisorObservationPredicate(
				ObjectProvider<ObservationRegistry> registry) {
			return new TracingAdvisorObservationPredicate(SingletonSupplier.of(registry::getObject));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TracingObservationHandler.class)
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TraceContextLookup llmTracingTraceContextLookup() {
			return new MicrometerTraceContextLookup();
		}

	}

}
