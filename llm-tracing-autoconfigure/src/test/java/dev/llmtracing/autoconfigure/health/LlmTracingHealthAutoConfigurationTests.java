package dev.llmtracing.autoconfigure.health;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingHealthAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingHealthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingHealthAutoConfiguration.class));

	@Test
	void contributesTheLlmTracingHealthIndicator() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("llmTracingHealthIndicator");
			HealthIndicator indicator = context.getBean("llmTracingHealthIndicator", HealthIndicator.class);
			assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void backsOffWhenSwitchedOff() {
		this.runner.withPropertyValues("management.health.llmtracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("llmTracingHealthIndicator"));
	}

}
