package dev.llmtracing.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code llm.tracing.enabled=false} turns off every auto-configuration listed
 * in the imports file, in a web application with metrics.
 *
 * @author llm-tracing
 */
class LlmTracingDisabledTests {

	@Test
	void everyAutoConfigurationBacksOffWhenDisabled() throws Exception {
		List<Class<?>> all = listed();
		assertThat(all).hasSizeGreaterThanOrEqualTo(10);
		WebApplicationContextRunner runner = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(all.toArray(Class<?>[]::new)))
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
		runner.run((context) -> assertThat(context.getBeanDefinitionNames())
			.anyMatch((name) -> name.startsWith("llmTracing")));
		runner
			.withPropertyValues("llm.tracing.enabled=false", "llm.tracing.audit.enabled=true",
					"llm.tracing.content.mode=encrypted")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanDefinitionNames())
					.noneMatch((name) -> name.startsWith("llmTracing") || name.startsWith("llmReplay"));
			});
	}

	@Test
	void applicationCodeThatOpensIdScopesKeepsWorkingWhenDisabled() throws Exception {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(listed().toArray(Class<?>[]::new)))
			.withPropertyValues("llm.tracing.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(IdScopes.class);
				IdScopes idScopes = context.getBean(IdScopes.class);
				try (IdScope scope = idScopes.open("req-1", "ctx-1", "user-1")) {
					assertThat(scope.ids()).isEqualTo(new TracingIds("req-1", "ctx-1", "user-1"));
					assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
					assertThat(idScopes.current()).isEqualTo(TracingIds.NONE);
				}
			});
	}

	private static List<Class<?>> listed() throws IOException {
		String imports = new ClassPathResource(
				"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.getContentAsString(StandardCharsets.UTF_8);
		return imports.lines().filter((line) -> !line.isBlank()).map(LlmTracingDisabledTests::load).toList();
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name.trim());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
