package dev.llmtracing.tools.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.llmtracing.audit.AuditFailureMode;
import dev.llmtracing.audit.AuditTrailException;
import dev.llmtracing.audit.AuditTrailSettings;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.TestRecords;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AuditTrailWriter} with {@link AuditFailureMode#FAIL_CLOSED}: lines are
 * written only by {@link AuditTrailWriter#writeDurably}, still chain and verify, and a
 * failure is thrown, counted, and followed by a verifying trail once the file can be
 * written again.
 *
 * @author llm-tracing
 */
class AuditTrailFailClosedTests {

	@TempDir
	Path dir;

	private final InstrumentationFailures failures = new InstrumentationFailures();

	@Test
	void writesOnlyDurablyAndTheTrailVerifies() {
		Path file = this.dir.resolve("logs/audit.jsonl");
		try (AuditTrailWriter writer = writer(file)) {
			writer.onExchange(TestRecords.complete());
			assertThat(file).doesNotExist();
			writer.writeDurably(TestRecords.complete());
			writer.writeDurably(TestRecords.minimal());
		}
		assertThat(TestTrails.lines(file)).hasSize(2);
		assertThat(TestTrails.verify(file).ok()).isTrue();
	}

	@Test
	void throwsNamingTheFileTheCauseAndThePropertyAndCountsTheFailure() throws IOException {
		Path blocker = Files.writeString(this.dir.resolve("logs"), "not a directory");
		Path file = blocker.resolve("audit.jsonl");
		try (AuditTrailWriter writer = writer(file)) {
			assertThatExceptionOfType(AuditTrailException.class)
				.isThrownBy(() -> writer.writeDurably(TestRecords.complete()))
				.withMessage("Could not write the audit line of exchange ex-1 to '" + file
						+ "' (java.nio.file.FileAlreadyExistsException: " + blocker
						+ "); the model call fails because llm.tracing.audit.on-failure=fail-closed")
				.satisfies((ex) -> assertThat(ex.getFile()).isEqualTo(file));
			assertThat(writer.getFailureCount()).isEqualTo(1);
			assertThat(this.failures.count(InstrumentedComponent.AUDIT)).isEqualTo(1);
			Files.delete(blocker);
			writer.writeDurably(TestRecords.minimal());
		}
		assertThat(TestTrails.lines(file)).hasSize(1);
		assertThat(TestTrails.verify(file).ok()).isTrue();
	}

	@Test
	void dropAndCountCountsTheFailureAsComponentAudit() throws IOException {
		Path blocker = Files.writeString(this.dir.resolve("logs"), "not a directory");
		try (AuditTrailWriter writer = new AuditTrailWriter(
				new AuditTrailSettings(blocker.resolve("audit.jsonl"), 1024 * 1024, 3, MdcKeys.DEFAULT), this.failures,
				AuditFailureMode.DROP_AND_COUNT)) {
			writer.onExchange(TestRecords.complete());
		}
		assertThat(this.failures.count(InstrumentedComponent.AUDIT)).isEqualTo(1);
	}

	private AuditTrailWriter writer(Path file) {
		return new AuditTrailWriter(new AuditTrailSettings(file, 1024 * 1024, 3, MdcKeys.DEFAULT), this.failures,
				AuditFailureMode.FAIL_CLOSED);
	}

}
