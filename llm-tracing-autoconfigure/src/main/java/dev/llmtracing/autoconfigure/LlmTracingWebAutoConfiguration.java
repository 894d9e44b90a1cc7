package dev.llmtracing.autoconfigure;

import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.web.TracingHeaders;
import dev.llmtracing.web.TracingIdsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configuration of the servlet filter that reads, validates and echoes the ID
 * headers of inbound requests.
 *
 * @author llm-tracing
 */
@AutoConfiguration(after = { LlmTracingAutoConfiguration.class, LlmTracingBaggageAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class })
@ConditionalOnBean(IdScopes.class)
@ConditionalOnBooleanProperty(name = "llm.tracing.web.enabled", matchIfMissing = true)
public final class LlmTracingWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingFilterBean(TracingIdsFilter.class)
	FilterRegistrationBean<TracingIdsFilter> llmTracingIdsFilter(LlmTracingProperties properties, IdScopes idScopes,
			ObjectProvider<BaggageBridge> baggage) {
		LlmTracingProperties.Web web = properties.getWeb();
		TracingHeaders headers = new TracingHeaders(web.getRequestIdHeader(), web.getContextIdHeader(),
				web.getUserIdHeader(), web.isEchoRequestId());
		FilterRegistrationBean<TracingIdsFilter> registration = new FilterRegistrationBean<>(
				new TracingIdsFilter(idScopes, headers, baggage.getIfAvailable(() -> BaggageBridge.NONE)));
		registration.setOrder(web.getFilterOrder());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
