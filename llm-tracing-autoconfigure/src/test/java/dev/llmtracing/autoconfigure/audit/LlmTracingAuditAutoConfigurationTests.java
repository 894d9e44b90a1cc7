package dev.llmtracing.autoconfigure.audit;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.audit.AuditTrailWriter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingAuditAutoConfiguration}. That the trail it writes verifies
 * is tested with the verifier, in {@code llm-tracing-tools}.
 *
 * @author llm-tracing
 */
class LlmTracingAuditAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingAuditAutoConfiguration.class));

	@Test
	void auditTrailIsOffByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(AuditTrailWriter.class));
	}

	@Test
	void invalidAuditSettingsFailNamingTheProperty() {
		this.runner.withPropertyValues("llm.tracing.audit.enabled=true", "llm.tracing.audit.max-file-size=10B")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.audit.max-file-size must be at least 1KB"));
	}

}
