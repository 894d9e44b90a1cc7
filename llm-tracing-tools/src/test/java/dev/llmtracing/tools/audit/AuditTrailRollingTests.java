package dev.llmtracing.tools.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.llmtracing.audit.AuditTrailFormat;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.record.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for rolling: the chain goes on across files, old files are deleted, and a trail
 * whose oldest files were deleted still verifies.
 *
 * @author llm-tracing
 */
class AuditTrailRollingTests {

	private static final long MAX_SIZE = 2_500;

	@TempDir
	Path dir;

	@Test
	void shouldRollIntoAtMostMaxHistoryFilesThatVerifyInOrder() throws IOException {
		Path file = write(50, 3);
		assertThat(names()).containsExactlyInAnyOrder("audit.jsonl", "audit.jsonl.1", "audit.jsonl.2", "audit.jsonl.3");
		for (Path kept : AuditTrailFormat.files(file)) {
			assertThat(Files.size(kept)).isLessThanOrEqualTo(MAX_SIZE);
		}
		List<Path> files = AuditTrailFormat.files(file);
		assertThat(files).containsExactly(TestTrails.rolled(file, 3), TestTrails.rolled(file, 2),
				TestTrails.rolled(file, 1), file);
		VerificationResult result = AuditTrailVerifier.verify(files);
		assertThat(result.ok()).isTrue();
		assertThat(result.segments()).isEqualTo(1);
		Map<String, Object> oldest = TestTrails.fields(TestTrails.lines(files.get(0)).get(0));
		assertThat(oldest).doesNotContainKey("audit.segment").doesNotContainEntry("audit.prev", "0".repeat(64));
		assertThat(((Number) oldest.get("audit.seq")).longValue() - 1 + result.linesChecked()).isEqualTo(50);
		List<String> current = TestTrails.lines(file);
		assertThat(TestTrails.fields(current.get(current.size() - 1))).containsEntry("audit.seq", 50);
	}

	@Test
	void shouldReportDeletedRolledFileInTheMiddle() throws IOException {
		Path file = write(50, 3);
		Files.delete(TestTrails.rolled(file, 2));
		VerificationResult result = AuditTrailVerifier.verify(AuditTrailFormat.files(file));
		assertThat(result.problems())
			.containsExactly(new VerificationResult.Problem(TestTrails.rolled(file, 1), 1, ChainCheck.CHAIN));
	}

	@Test
	void shouldKeepOnlyCurrentFileWithoutHistoryAndStillContinueTheChain() throws IOException {
		Path file = write(10, 0);
		assertThat(names()).containsExactly("audit.jsonl");
		List<String> lines = TestTrails.lines(file);
		assertThat(TestTrails.fields(lines.get(0))).doesNotContainKey("audit.segment");
		assertThat(TestTrails.fields(lines.get(lines.size() - 1))).containsEntry("audit.seq", 10);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.ok()).isTrue();
		assertThat(result.linesChecked()).isBetween(1L, 9L);
	}

	@Test
	void shouldDeleteRolledFilesBeyondLoweredMaxHistory() throws IOException {
		write(30, 5);
		assertThat(names()).hasSize(6);
		Path file = write(4, 2);
		assertThat(names()).containsExactlyInAnyOrder("audit.jsonl", "audit.jsonl.1", "audit.jsonl.2");
		assertThat(AuditTrailVerifier.verify(AuditTrailFormat.files(file)).ok()).isTrue();
	}

	@Test
	void shouldWriteLineBiggerThanMaxSizeAloneInItsFile() throws IOException {
		Path file = this.dir.resolve("audit.jsonl");
		try (AuditTrailWriter writer = TestTrails.writer(file, 10, 5)) {
			for (int i = 0; i < 3; i++) {
				writer.onExchange(TestRecords.complete());
			}
		}
		assertThat(TestTrails.lines(file)).hasSize(1);
		assertThat(AuditTrailVerifier.verify(AuditTrailFormat.files(file)).linesChecked()).isEqualTo(3);
	}

	private Path write(int records, int maxHistory) {
		Path file = this.dir.resolve("audit.jsonl");
		try (AuditTrailWriter writer = TestTrails.writer(file, MAX_SIZE, maxHistory)) {
			for (int i = 0; i < records; i++) {
				writer.onExchange(TestRecords.complete());
			}
			assertThat(writer.getFailureCount()).isZero();
		}
		return file;
	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((path) -> path.getFileName().toString()).toList();
		}
	}

}
