package dev.llmtracing.autoconfigure.explorer;

import java.util.Map;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.feedback.LlmTracingFeedbackAutoConfiguration;
import dev.llmtracing.autoconfigure.request.LlmTracingRequestAutoConfiguration;
import dev.llmtracing.context.IdScopes;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Auto-configuration of the request explorer, off by default
 * ({@code llm.tracing.explorer.enabled}): the ring of recent requests, the
 * {@code llmrequests} Actuator endpoint (exposed over HTTP only when
 * {@code management.endpoints.web.exposure.include} names it), and, in a servlet web
 * application, the page at {@code /llm-tracing/explorer/}, served like any other path of
 * the application so that its security rules apply.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = { LlmTracingAutoConfiguration.class, LlmTracingRequestAutoConfiguration.class,
		LlmTracingFeedbackAutoConfiguration.class })
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.explorer.enabled")
@EnableConfigurationProperties(LlmTracingExplorerProperties.class)
public final class LlmTracingExplorerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LlmTracingExplorerAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	RecentRequests llmTracingRecentRequests(LlmTracingExplorerProperties explorer, IdScopes idScopes) {
		logger.warn("llm.tracing.explorer.enabled=true: recent requests, with their IDs and any captured content, "
				+ "are kept in memory and shown by the llmrequests endpoint and the page at /llm-tracing/explorer/; "
				+ "restrict both to trusted users (see docs/explorer.md)");
		return new RecentRequests(explorer.getMaxRequests(), explorer.getMaxBytes().toBytes(), idScopes.getKeys());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(LlmRequestsEndpoint.class)
		LlmRequestsEndpoint llmRequestsEndpoint(RecentRequests recent, LlmTracingExplorerProperties explorer) {
			return new LlmRequestsEndpoint(recent, traceUrlTemplate(explorer));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ SimpleUrlHandlerMapping.class, HttpServletRequest.class })
	static class PageConfiguration {

		@Bean
		SimpleUrlHandlerMapping llmTracingExplorerHandlerMapping(LlmTracingExplorerProperties explorer,
				Environment environment, IdScopes idScopes) {
			ExplorerPage page = new ExplorerPage(endpointPath(environment), traceUrlTemplate(explorer),
					idScopes.getKeys());
			String root = ExplorerPage.PATH.substring(0, ExplorerPage.PATH.length() - 1);
			return new SimpleUrlHandlerMapping(
					Map.of(root, page, ExplorerPage.PATH, page, ExplorerPage.PATH + "*", page),
					Ordered.HIGHEST_PRECEDENCE + 10);
		}

		/**
		 * Return the path of the endpoint relative to the context path, as Actuator maps
		 * it on the application's port.
		 */
		private static String endpointPath(Environment environment) {
			String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
			String path = environment.getProperty("management.endpoints.web.path-mapping.llmrequests", "llmrequests");
			String joined = (basePath + "/" + path).replaceAll("/+", "/");
			return joined.startsWith("/") ? joined.substring(1) : joined;
		}

	}

	private static @Nullable String traceUrlTemplate(LlmTracingExplorerProperties explorer) {
		String template = explorer.getTraceUrlTemplate();
		return template.isEmpty() ? null : template;
	}

}
