package dev.llmtracing.autoconfigure.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.audit.AuditTrailVerifier;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.audit.VerificationResult;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LlmTracingAuditAutoConfiguration}.
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
	void propertiesAloneTurnOnAVerifiableTrail(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("audit/llm-audit.jsonl");
		this.runner
			.withPropertyValues("llm.tracing.audit.enabled=true", "llm.tracing.audit.file=" + file,
					"llm.tracing.audit.max-file-size=2KB", "llm.tracing.audit.max-history=3")
			.run((context) -> {
				assertThat(context).hasSingleBean(AuditTrailWriter.class);
				ExchangeDispatcher dispatcher = context.getBean(ExchangeDispatcher.class);
				for (int i = 0; i < 20; i++) {
					dispatcher.publish(TestRecords.complete());
				}
				await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.getQueueSize() == 0);
			});
		List<Path> files = AuditTrailVerifier.trailFiles(file);
		assertThat(files).hasSizeGreaterThan(1);
		VerificationResult result = AuditTrailVerifier.verify(files);
		assertThat(result.ok()).as(result.toString()).isTrue();
		assertThat(Files.readString(file)).contains("\"audit.hash\":");
	}

	@Test
	void invalidAuditSettingsFailNamingTheProperty() {
		this.runner.withPropertyValues("llm.tracing.audit.enabled=true", "llm.tracing.audit.max-file-size=10B")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.audit.max-file-size must be at least 1KB"));
	}

}
