package dev.llmtracing.autoconfigure.reactive;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.web.LlmTracingWebAutoConfiguration;
import dev.llmtracing.context.TracingHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingReactiveWebAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingReactiveWebAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(LlmTracingAutoConfiguration.class,
			LlmTracingWebAutoConfiguration.class, LlmTracingReactiveWebAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void shouldRegisterWebFilterEarlyInReactiveApplication() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TracingIdsWebFilter.class).doesNotHaveBean(FilterRegistrationBean.class);
			assertThat(context.getBean(TracingIdsWebFilter.class).getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 2);
		});
	}

	@Test
	void shouldPickTheServletFilterInServletApplication() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(TracingIdsWebFilter.class)
				.getBean(FilterRegistrationBean.class)
				.extracting(FilterRegistrationBean::getFilter)
				.extracting((filter) -> filter.getClass().getSimpleName())
				.isEqualTo("TracingIdsFilter"));
	}

	@Test
	void shouldApplyTheWebProperties() {
		this.runner
			.withPropertyValues("llm.tracing.web.request-id-header=X-Correlation-Id",
					"llm.tracing.web.context-id-header=X-Session-Id", "llm.tracing.web.user-id-header=X-Account",
					"llm.tracing.web.echo-request-id=false", "llm.tracing.web.filter-order=5")
			.run((context) -> {
				TracingIdsWebFilter filter = context.getBean(TracingIdsWebFilter.class);
				assertThat(filter.getOrder()).isEqualTo(5);
				assertThat(ReflectionTestUtils.getField(filter, "headers"))
					.isEqualTo(new TracingHeaders("X-Correlation-Id", "X-Session-Id", "X-Account", false));
			});
	}

	@Test
	void shouldRejectInvalidHeaderName() {
		this.runner.withPropertyValues("llm.tracing.web.user-id-header=X User")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.web.user-id-header 'X User' is not a valid HTTP header name"));
	}

	@Test
	void shouldSwitchOffWithTheWebSwitchOrTheGlobalOne() {
		this.runner.withPropertyValues("llm.tracing.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracingIdsWebFilter.class));
		this.runner.withPropertyValues("llm.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracingIdsWebFilter.class));
	}

	@Test
	void shouldBackOffWithoutContextPropagation() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.context"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TracingIdsWebFilter.class));
	}

	@Test
	void shouldBackOffFromUserFilter() {
		this.runner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TracingIdsWebFilter.class);
			assertThat(context.getBeansOfType(WebFilter.class)).containsOnlyKeys("myIdsFilter");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		TracingIdsWebFilter myIdsFilter(dev.llmtracing.context.IdScopes idScopes) {
			return new TracingIdsWebFilter(idScopes, TracingHeaders.DEFAULT, dev.llmtracing.context.BaggageBridge.NONE,
					0);
		}

	}

}
