package dev.llmtracing.autoconfigure.quality;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.record.ExchangeSignalDetector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingQualityAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingQualityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingQualityAutoConfiguration.class, LlmTracingAutoConfiguration.class));

	@Test
	void shouldNameQualitySignalsByDefault() {
		this.runner.run((context) -> assertThat(context).getBean(ExchangeSignalDetector.class)
			.isInstanceOf(QualitySignals.class));
	}

	@Test
	void shouldBackOffWhenSwitchedOff() {
		this.runner.withPropertyValues("llm.tracing.quality.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ExchangeSignalDetector.class));
	}

	@Test
	void shouldBackOffWhenTheApplicationDefinesADetector() {
		this.runner.withBean(ExchangeSignalDetector.class, () -> ExchangeSignalDetector.NONE)
			.run((context) -> assertThat(context).getBean(ExchangeSignalDetector.class)
				.isSameAs(ExchangeSignalDetector.NONE));
	}

	@Test
	void shouldRejectFewerMinSamplesThanOne() {
		this.runner.withPropertyValues("llm.tracing.quality.length-drift.min-samples=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("llm.tracing.quality.length-drift.min-samples must be between 1 and 200"));
	}

	@Test
	void shouldRejectANegativeLatencyObjective() {
		this.runner.withPropertyValues("llm.tracing.quality.slow.objectives.[gpt-4.1]=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("llm.tracing.quality.slow.objectives of a model must be a duration"));
	}

	@Test
	void shouldRejectAFactorBelowOne() {
		this.runner.withPropertyValues("llm.tracing.quality.length-drift.factor=0.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("llm.tracing.quality.length-drift.factor must be a number of at least 1"));
	}

}
