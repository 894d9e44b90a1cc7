package dev.llmtracing.autoconfigure.propagation;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.web.LlmTracingWebProperties;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.HostAllowlist;
import dev.llmtracing.support.InstrumentationFailures;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Auto-configuration of the ID headers on outgoing HTTP calls made with clients built
 * from Spring Boot's {@code RestClient.Builder}, {@code RestTemplateBuilder} and
 * {@code WebClient.Builder}, limited to the allowed hosts.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class)
@ConditionalOnClass(ClientHttpRequestInterceptor.class)
@ConditionalOnLlmTracingEnabled
@ConditionalOnOutgoingIds
@EnableConfigurationProperties({ LlmTracingPropagationProperties.class, LlmTracingWebProperties.class })
public final class LlmTracingClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutgoingIds llmTracingOutgoingIds(IdScopes idScopes, LlmTracingPropagationProperties propagation,
			LlmTracingWebProperties web) {
		return new OutgoingIds(idScopes, new HostAllowlist(propagation.getAllowedHosts()), web.getRequestIdHeader(),
				web.getContextIdHeader(), web.getUserIdHeader(), propagation.isHeaders(), propagation.isBaggage());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClientCustomizer.class, RestTemplateCustomizer.class })
	static class RestClientConfiguration {

		@Bean
		OutgoingIdsInterceptor llmTracingOutgoingIdsInterceptor(OutgoingIds outgoingIds,
				InstrumentationFailures failures) {
			return new OutgoingIdsInterceptor(outgoingIds, failures);
		}

		@Bean
		RestClientCustomizer llmTracingRestClientCustomizer(OutgoingIdsInterceptor interceptor) {
			return (builder) -> builder.requestInterceptor(interceptor);
		}

		@Bean
		RestTemplateCustomizer llmTracingRestTemplateCustomizer(OutgoingIdsInterceptor interceptor) {
			return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClientCustomizer.class, OutgoingIdsFilterFunction.class,
			org.springframework.web.reactive.function.client.WebClient.class })
	static class WebClientConfiguration {

		@Bean
		WebClientCustomizer llmTracingWebClientCustomizer(OutgoingIds outgoingIds, InstrumentationFailures failures) {
			return (builder) -> builder.filter(new OutgoingIdsFilterFunction(outgoingIds, failures));
		}

	}

}
