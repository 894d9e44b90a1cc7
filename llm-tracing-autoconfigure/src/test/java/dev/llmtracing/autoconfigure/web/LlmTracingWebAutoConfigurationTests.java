package dev.llmtracing.autoconfigure.web;

import java.util.EnumSet;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingHeaders;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingWebAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingWebAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingWebAutoConfiguration.class));

	@Test
	void shouldRejectInvalidHeaderName() {
		this.runner.withPropertyValues("llm.tracing.web.request-id-header=X Request Id")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(
						"llm.tracing.web.request-id-header 'X Request Id' is not a valid HTTP header name"));
	}

	@Test
	void shouldRegisterFilterEarlyForRequestAsyncAndErrorDispatches() {
		this.runner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(TracingIdsFilter.class);
			assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 2);
			assertThat(ReflectionTestUtils.getField(registration, "dispatcherTypes"))
				.isEqualTo(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		});
	}

	@Test
	void shouldApplyHeaderProperties() {
		this.runner
			.withPropertyValues("llm.tracing.web.request-id-header=X-Correlation-Id",
					"llm.tracing.web.context-id-header=X-Session-Id", "llm.tracing.web.user-id-header=X-Account",
					"llm.tracing.web.echo-request-id=false", "llm.tracing.web.filter-order=5")
			.run((context) -> {
				FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
				assertThat(registration.getOrder()).isEqualTo(5);
				assertThat(ReflectionTestUtils.getField(registration.getFilter(), "headers"))
					.isEqualTo(new TracingHeaders("X-Correlation-Id", "X-Session-Id", "X-Account", false));
			});
	}

	@Test
	void shouldSwitchOffFilterAlone() {
		this.runner.withPropertyValues("llm.tracing.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.hasSingleBean(IdScopes.class));
	}

	@Test
	void shouldNotRegisterFilterWhenDisabledGlobally() {
		this.runner.withPropertyValues("llm.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void shouldBackOffFromUserFilter() {
		this.runner.withUserConfiguration(UserFilter.class).run((context) -> {
			assertThat(context).hasSingleBean(TracingIdsFilter.class);
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
		});
	}

	@Test
	void shouldNotRegisterFilterOutsideServletApplications() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilter {

		@Bean
		TracingIdsFilter userTracingIdsFilter(IdScopes idScopes) {
			return new TracingIdsFilter(idScopes, TracingHeaders.DEFAULT);
		}

	}

}
