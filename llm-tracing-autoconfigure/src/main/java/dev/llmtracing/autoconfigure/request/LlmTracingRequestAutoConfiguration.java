package dev.llmtracing.autoconfigure.request;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.chat.LlmTracingChatAutoConfiguration;
import dev.llmtracing.autoconfigure.web.LlmTracingWebProperties;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.context.ContextSnapshotFactory;
import io.grpc.ServerInterceptor;
import io.micrometer.observation.ObservationHandler;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of request records: the tracker of running requests, the servlet
 * filter or, in reactive web applications, the WebFlux filter that starts and finishes
 * them (and with Spring gRPC, the server interceptor that does the same for gRPC calls),
 * the observation handler that adds their stages, tool executions and retrievals, and the
 * logger of their records.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = { LlmTracingAutoConfiguration.class, LlmTracingChatAutoConfiguration.class })
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.requests.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmTracingRequestProperties.class)
public final class LlmTracingRequestAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestTracker llmTracingRequestTracker(ObjectProvider<ExchangeDispatcher> dispatcher,
			ObjectProvider<RequestListener> listeners, LlmTracingRequestProperties requests,
			InstrumentationFailures failures) {
		return new RequestTracker(dispatcher::getObject, listeners.orderedStream().toList(), !requests.isAllRequests(),
				requests.getMaxRunning(), failures);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestRecordLogger llmTracingRequestRecordLogger(LlmTracingRequestProperties requests, IdScopes idScopes) {
		return new RequestRecordLogger(requests.getLoggerName(), idScopes.getKeys());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationHandler.class)
	static class RequestPartsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestPartObservationHandler llmTracingRequestPartObservationHandler(RequestTracker tracker,
				IdScopes idScopes) {
			return new RequestPartObservationHandler(tracker, idScopes);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class })
	static class RequestFilterConfiguration {

		@Bean
		FilterRegistrationBean<RequestRecordFilter> llmTracingRequestRecordFilter(RequestTracker tracker,
				IdScopes idScopes, ObjectProvider<LlmTracingWebProperties> web) {
			FilterRegistrationBean<RequestRecordFilter> registration = new FilterRegistrationBean<>(
					new RequestRecordFilter(tracker, idScopes));
			registration.setOrder(idFilterOrder(web) + 1);
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ WebFilter.class, Mono.class, ContextSnapshotFactory.class })
	static class RequestWebFilterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestRecordWebFilter llmTracingRequestRecordWebFilter(RequestTracker tracker,
				ObjectProvider<LlmTracingWebProperties> web) {
			return new RequestRecordWebFilter(tracker, idFilterOrder(web) + 1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ServerInterceptor.class, GlobalServerInterceptor.class })
	@ConditionalOnBooleanProperty(name = "llm.tracing.grpc.enabled", matchIfMissing = true)
	static class RequestServerInterceptorConfiguration {

		@Bean
		@GlobalServerInterceptor
		@ConditionalOnMissingBean
		RequestRecordServerInterceptor llmTracingRequestRecordServerInterceptor(RequestTracker tracker,
				IdScopes idScopes) {
			// the innermost global interceptor: inside the ID interceptor, whose IDs it
			// reads
			return new RequestRecordServerInterceptor(tracker, idScopes, Ordered.LOWEST_PRECEDENCE);
		}

	}

	private static int idFilterOrder(ObjectProvider<LlmTracingWebProperties> web) {
		LlmTracingWebProperties webProperties = web.getIfAvailable();
		return (webProperties != null) ? webProperties.getFilterOrder() : Ordered.HIGHEST_PRECEDENCE + 2;
	}

}
