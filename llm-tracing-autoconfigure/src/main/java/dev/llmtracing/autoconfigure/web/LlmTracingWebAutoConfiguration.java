package dev.llmtracing.autoconfigure.web;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.propagation.LlmTracingBaggageAutoConfiguration;
import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingHeaders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configuration of the servlet filter that reads, validates and echoes the ID
 * headers of inbound requests.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = { LlmTracingAutoConfiguration.class, LlmTracingBaggageAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class })
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmTracingWebProperties.class)
public final class LlmTracingWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingFilterBean(TracingIdsFilter.class)
	FilterRegistrationBean<TracingIdsFilter> llmTracingIdsFilter(LlmTracingWebProperties web, IdScopes idScopes,
			ObjectProvider<BaggageBridge> baggage) {
		TracingHeaders headers = new TracingHeaders(web.getRequestIdHeader(), web.getContextIdHeader(),
				web.getUserIdHeader(), web.isEchoRequestId());
		FilterRegistrationBean<TracingIdsFilter> registration = new FilterRegistrationBean<>(
				new TracingIdsFilter(idScopes, headers, baggage.getIfAvailable(() -> BaggageBridge.NONE)));
		registration.setOrder(web.getFilterOrder());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
