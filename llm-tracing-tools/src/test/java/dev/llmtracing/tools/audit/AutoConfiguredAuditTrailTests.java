package dev.llmtracing.tools.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.llmtracing.audit.AuditTrailFormat;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.autoconfigure.audit.LlmTracingAuditAutoConfiguration;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the trail {@link LlmTracingAuditAutoConfiguration} writes, rolled files
 * included, verifies.
 *
 * @author llm-tracing
 */
class AutoConfiguredAuditTrailTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingAuditAutoConfiguration.class));

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
		List<Path> files = AuditTrailFormat.files(file);
		assertThat(files).hasSizeGreaterThan(1);
		VerificationResult result = AuditTrailVerifier.verify(files);
		assertThat(result.ok()).as(result.toString()).isTrue();
		assertThat(Files.readString(file)).contains("\"audit.hash\":");
	}

}
