package dev.llmtracing.autoconfigure.request;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.reactive.LlmTracingReactiveWebAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingRequestAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingRequestAutoConfigurationTests {

	private final AutoConfigurations configurations = AutoConfigurations.of(LlmTracingRequestAutoConfiguration.class,
			LlmTracingAutoConfiguration.class);

	@Test
	void shouldFollowRequestsAndRegisterTheFilterInAServletApplication() {
		new WebApplicationContextRunner().withConfiguration(this.configurations).run((context) -> {
			assertThat(context).hasSingleBean(RequestTracker.class)
				.hasSingleBean(RequestRecordLogger.class)
				.hasSingleBean(RequestPartObservationHandler.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.anyMatch((registration) -> registration.getFilter() instanceof RequestRecordFilter);
			assertThat(context).doesNotHaveBean(RequestRecordWebFilter.class);
		});
	}

	@Test
	void shouldRegisterTheWebFilterInsideTheIdFilterInAReactiveApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LlmTracingRequestAutoConfiguration.class,
					LlmTracingAutoConfiguration.class, LlmTracingReactiveWebAutoConfiguration.class))
			.withPropertyValues("llm.tracing.web.filter-order=100")
			.run((context) -> {
				assertThat(context).hasSingleBean(RequestRecordWebFilter.class)
					.doesNotHaveBean(FilterRegistrationBean.class);
				assertThat(context.getBean(RequestRecordWebFilter.class).getOrder()).isEqualTo(101);
			});
	}

	@Test
	void shouldRegisterTheGrpcInterceptorInnermostAndBackOffWithTheGrpcIds() {
		new ApplicationContextRunner().withConfiguration(this.configurations).run((context) -> {
			assertThat(context).hasSingleBean(RequestRecordServerInterceptor.class);
			assertThat(context.getBean(RequestRecordServerInterceptor.class).getOrder())
				.isEqualTo(Ordered.LOWEST_PRECEDENCE);
		});
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.grpc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestRecordServerInterceptor.class));
	}

	@Test
	void shouldNotRegisterAFilterOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(this.configurations).run((context) -> {
			assertThat(context).hasSingleBean(RequestTracker.class).doesNotHaveBean(RequestRecordWebFilter.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class)).isEmpty();
		});
	}

	@Test
	void shouldBackOffWhenSwitchedOff() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.requests.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestTracker.class)
				.doesNotHaveBean(RequestRecordLogger.class));
	}

	@Test
	void shouldRejectAnInvalidMaxRunning() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.requests.max-running=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("llm.tracing.requests.max-running must be between 1 and 1000000"));
	}

}
