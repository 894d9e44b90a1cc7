package dev.llmtracing.autoconfigure.reactive;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.propagation.LlmTracingBaggageAutoConfiguration;
import dev.llmtracing.autoconfigure.propagation.LlmTracingPropagationAutoConfiguration;
import dev.llmtracing.autoconfigure.web.LlmTracingWebProperties;
import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingHeaders;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of the WebFlux filter that reads, validates and echoes the ID
 * headers of inbound requests of reactive web applications, with the same
 * {@code llm.tracing.web.*} properties as the servlet filter. The IDs reach the MDC
 * through Reactor's automatic context propagation, which
 * {@link ReactiveContextPropagationEnvironmentPostProcessor} switches on.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = { LlmTracingAutoConfiguration.class, LlmTracingBaggageAutoConfiguration.class,
		LlmTracingPropagationAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ WebFilter.class, Mono.class, ContextSnapshotFactory.class })
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmTracingWebProperties.class)
public final class LlmTracingReactiveWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TracingIdsWebFilter llmTracingIdsWebFilter(LlmTracingWebProperties web, IdScopes idScopes,
			ObjectProvider<BaggageBridge> baggage) {
		TracingHeaders headers = new TracingHeaders(web.getRequestIdHeader(), web.getContextIdHeader(),
				web.getUserIdHeader(), web.isEchoRequestId());
		return new TracingIdsWebFilter(idScopes, headers, baggage.getIfAvailable(() -> BaggageBridge.NONE),
				web.getFilterOrder());
	}

}
