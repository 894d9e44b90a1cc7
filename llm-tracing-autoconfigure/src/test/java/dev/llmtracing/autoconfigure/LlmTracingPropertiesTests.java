package dev.llmtracing.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that invalid {@link LlmTracingProperties} fail at start-up with a message that
 * names the property and the fix.
 *
 * @author llm-tracing
 */
class LlmTracingPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmTracingAutoConfiguration.class));

	@Test
	void shouldRejectMaxLengthOutOfRange() {
		assertStartupFailure("llm.tracing.ids.max-length=0", "llm.tracing.ids.max-length must be between 1 and 1024");
	}

	@Test
	void shouldRejectInvalidMdcKey() {
		assertStartupFailure("llm.tracing.ids.user-id-mdc-key=user id",
				"llm.tracing.ids.user-id-mdc-key 'user id' is not a valid MDC key");
	}

	@Test
	void shouldRejectZeroQueueCapacity() {
		assertStartupFailure("llm.tracing.record.queue-capacity=0",
				"llm.tracing.record.queue-capacity must be between");
	}

	@Test
	void shouldRejectNegativeShutdownTimeout() {
		assertStartupFailure("llm.tracing.record.shutdown-timeout=-1s",
				"llm.tracing.record.shutdown-timeout must not be negative");
	}

	@Test
	void shouldRejectBlankLoggerName() {
		assertStartupFailure("llm.tracing.record.logger-name= ", "llm.tracing.record.logger-name must not be empty");
	}

	private void assertStartupFailure(String property, String message) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
		});
	}

}
