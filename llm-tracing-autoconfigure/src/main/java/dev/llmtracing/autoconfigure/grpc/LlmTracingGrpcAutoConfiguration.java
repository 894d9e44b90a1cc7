package dev.llmtracing.autoconfigure.grpc;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.propagation.ConditionalOnOutgoingIds;
import dev.llmtracing.autoconfigure.propagation.LlmTracingPropagationProperties;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.HostAllowlist;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.context.TracingHeaders;
import io.grpc.ServerInterceptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * Auto-configuration of the IDs on gRPC calls with Spring gRPC: a global server
 * interceptor that reads, validates and echoes the ID metadata of inbound calls, and a
 * global client interceptor that sends the current IDs on calls to the allowed hosts
 * ({@code llm.tracing.propagation.allowed-hosts}).
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class)
@ConditionalOnClass({ ServerInterceptor.class, GlobalServerInterceptor.class })
@ConditionalOnLlmTracingEnabled
@EnableConfigurationProperties({ LlmTracingGrpcProperties.class, LlmTracingPropagationProperties.class })
public final class LlmTracingGrpcAutoConfiguration {

	@Bean
	@GlobalServerInterceptor
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "llm.tracing.grpc.enabled", matchIfMissing = true)
	TracingIdsServerInterceptor llmTracingIdsServerInterceptor(LlmTracingGrpcProperties grpc, IdScopes idScopes) {
		return new TracingIdsServerInterceptor(idScopes, keys(grpc));
	}

	static TracingHeaders keys(LlmTracingGrpcProperties grpc) {
		return new TracingHeaders(grpc.getRequestIdKey(), grpc.getContextIdKey(), grpc.getUserIdKey(),
				grpc.isEchoRequestId());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(GlobalClientInterceptor.class)
	@ConditionalOnOutgoingIds
	static class ClientConfiguration {

		@Bean
		@GlobalClientInterceptor
		@ConditionalOnMissingBean
		TracingIdsClientInterceptor llmTracingIdsClientInterceptor(LlmTracingGrpcProperties grpc, IdScopes idScopes,
				LlmTracingPropagationProperties propagation, InstrumentationFailures failures) {
			return new TracingIdsClientInterceptor(idScopes, new HostAllowlist(propagation.getAllowedHosts()),
					keys(grpc), failures, propagation.isHeaders(), propagation.isBaggage());
		}

	}

}
