package dev.llmtracing.autoconfigure.grpc;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.server.GlobalServerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingGrpcAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingGrpcAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingGrpcAutoConfiguration.class));

	@Test
	void shouldRegisterGlobalServerAndClientInterceptors() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TracingIdsServerInterceptor.class)
				.hasSingleBean(TracingIdsClientInterceptor.class);
			assertThat(context.getBeanNamesForAnnotation(GlobalServerInterceptor.class))
				.contains("llmTracingIdsServerInterceptor");
			assertThat(context.getBeanNamesForAnnotation(GlobalClientInterceptor.class))
				.contains("llmTracingIdsClientInterceptor");
		});
	}

	@Test
	void shouldRejectBinaryReservedAndUppercaseKeys() {
		this.runner.withPropertyValues("llm.tracing.grpc.request-id-key=x-request-id-bin")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.grpc.request-id-key 'x-request-id-bin' is reserved"));
		this.runner.withPropertyValues("llm.tracing.grpc.user-id-key=grpc-user")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.grpc.user-id-key 'grpc-user' is reserved"));
		this.runner.withPropertyValues("llm.tracing.grpc.context-id-key=X-Context-Id")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(
						"llm.tracing.grpc.context-id-key 'X-Context-Id' is not a valid gRPC metadata key"));
	}

	@Test
	void shouldSwitchOffTheServerSideAlone() {
		this.runner.withPropertyValues("llm.tracing.grpc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracingIdsServerInterceptor.class)
				.hasSingleBean(TracingIdsClientInterceptor.class));
	}

	@Test
	void shouldSwitchOffTheClientSideWithOutgoingHeadersAndBaggage() {
		this.runner.withPropertyValues("llm.tracing.propagation.headers=false", "llm.tracing.propagation.baggage=false")
			.run((context) -> assertThat(context).hasSingleBean(TracingIdsServerInterceptor.class)
				.doesNotHaveBean(TracingIdsClientInterceptor.class));
	}

	@Test
	void shouldKeepTheClientSideForBaggageWithoutOutgoingHeaders() {
		this.runner.withPropertyValues("llm.tracing.propagation.headers=false")
			.run((context) -> assertThat(context).hasSingleBean(TracingIdsClientInterceptor.class));
	}

	@Test
	void shouldBackOffWithoutSpringGrpcOrWhenDisabled() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.grpc"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TracingIdsServerInterceptor.class)
				.doesNotHaveBean(TracingIdsClientInterceptor.class));
		this.runner.withPropertyValues("llm.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracingIdsServerInterceptor.class)
				.doesNotHaveBean(TracingIdsClientInterceptor.class));
	}

}
