package dev.llmtracing.autoconfigure.quality;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingCanaryAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingCanaryAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingCanaryAutoConfiguration.class, LlmTracingAutoConfiguration.class));

	@Test
	void shouldNotRunCanariesByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CanarySchedule.class)
			.doesNotHaveBean(CanaryRunner.class));
	}

	@Test
	void shouldScheduleTheCanariesOfTheFileWhenEnabled() {
		this.runner
			.withPropertyValues("llm.tracing.quality.canary.enabled=true",
					"llm.tracing.quality.canary.file=classpath:canaries/canaries-it.yml",
					"llm.tracing.quality.canary.initial-delay=1h")
			.run((context) -> assertThat(context).hasSingleBean(CanarySchedule.class));
	}

	@Test
	void shouldFailToStartWithAnInvalidCanaryFile() {
		this.runner
			.withPropertyValues("llm.tracing.quality.canary.enabled=true",
					"llm.tracing.quality.canary.file=classpath:canaries/no-expectation.yml")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("llm.tracing.quality.canary.file")
				.hasMessageContaining("canaries[0].expect has no expectation"));
	}

	@Test
	void shouldRejectAnIntervalUnderOneSecond() {
		this.runner
			.withPropertyValues("llm.tracing.quality.canary.enabled=true",
					"llm.tracing.quality.canary.file=classpath:canaries/canaries-it.yml",
					"llm.tracing.quality.canary.interval=100ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("interval must be a duration of at least 1s"));
	}

}
