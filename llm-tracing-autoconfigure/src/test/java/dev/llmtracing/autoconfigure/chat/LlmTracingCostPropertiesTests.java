package dev.llmtracing.autoconfigure.chat;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that invalid {@link LlmTracingCostProperties} fail at start-up with a message
 * that names the entry and the fix.
 *
 * @author llm-tracing
 */
class LlmTracingCostPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingChatAutoConfiguration.class));

	@Test
	void shouldRejectPriceWithoutModel() {
		this.runner.withPropertyValues("llm.tracing.cost.prices[0].input=1", "llm.tracing.cost.prices[0].output=2")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.cost.prices[0].model must be set"));
	}

	@Test
	void shouldRejectNegativePrice() {
		this.runner
			.withPropertyValues("llm.tracing.cost.prices[0].model=gpt-4o", "llm.tracing.cost.prices[0].input=-1",
					"llm.tracing.cost.prices[0].output=2")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.cost.prices[0].input must be set to a price"));
	}

}
