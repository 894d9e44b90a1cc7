package dev.llmtracing.tools.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.record.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link AuditTrailWriter}: the line format, the hash definition, and how the
 * chain goes on after a restart and after a failure.
 *
 * @author llm-tracing
 */
class AuditTrailWriterTests {

	private static final String ZEROS = "0".repeat(64);

	@TempDir
	Path dir;

	@Test
	void shouldWriteRecordFieldsThenChainFieldsWithHashLast() {
		Path file = TestTrails.write(this.dir.resolve("logs/audit.jsonl"), 2);
		List<String> lines = TestTrails.lines(file);
		assertThat(lines).hasSize(2);
		Map<String, Object> first = TestTrails.fields(lines.get(0));
		assertThat(first).containsEntry("exchangeId", "ex-1").containsEntry("gen_ai.request.model", "gpt-4o-mini");
		assertThat(List.copyOf(first.keySet()).subList(first.size() - 4, first.size())).containsExactly("audit.segment",
				"audit.seq", "audit.prev", "audit.hash");
		assertThat(first).containsEntry("audit.segment", "start")
			.containsEntry("audit.seq", 1)
			.containsEntry("audit.prev", ZEROS);
		Map<String, Object> second = TestTrails.fields(lines.get(1));
		assertThat(second).doesNotContainKey("audit.segment")
			.containsEntry("audit.seq", 2)
			.containsEntry("audit.prev", first.get("audit.hash"));
	}

	@Test
	void shouldHashTheLineUpToPrevClosedWithBrace() throws Exception {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 1);
		String line = TestTrails.lines(file).get(0);
		String suffix = ",\"audit.hash\":\"" + TestTrails.fields(line).get("audit.hash") + "\"}";
		assertThat(line).endsWith(suffix);
		String covered = line.substring(0, line.length() - suffix.length()) + "}";
		assertThat(covered).endsWith(",\"audit.prev\":\"" + ZEROS + "\"}");
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(covered.getBytes(StandardCharsets.UTF_8));
		assertThat(line).endsWith(",\"audit.hash\":\"" + HexFormat.of().formatHex(digest) + "\"}");
	}

	@Test
	void shouldContinueChainAfterRestart() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 2);
		TestTrails.write(file, 2);
		List<String> lines = TestTrails.lines(file);
		Map<String, Object> third = TestTrails.fields(lines.get(2));
		assertThat(third).doesNotContainKey("audit.segment")
			.containsEntry("audit.seq", 3)
			.containsEntry("audit.prev", TestTrails.fields(lines.get(1)).get("audit.hash"));
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.ok()).isTrue();
		assertThat(result.linesChecked()).isEqualTo(4);
		assertThat(result.segments()).isEqualTo(1);
	}

	@Test
	void shouldContinueFromNewestRolledFileWhenCurrentFileIsMissing() throws IOException {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		Files.move(file, TestTrails.rolled(file, 1));
		TestTrails.write(file, 1);
		assertThat(TestTrails.fields(TestTrails.lines(file).get(0))).doesNotContainKey("audit.segment")
			.containsEntry("audit.seq", 4);
		VerificationResult result = TestTrails.verify(TestTrails.rolled(file, 1), file);
		assertThat(result.ok()).isTrue();
		assertThat(result.segments()).isEqualTo(1);
	}

	@Test
	void shouldCountFailuresAndReopenOnNextRecord() throws IOException {
		Path blocker = Files.writeString(this.dir.resolve("logs"), "not a directory");
		Path file = blocker.resolve("audit.jsonl");
		try (AuditTrailWriter writer = TestTrails.writer(file)) {
			assertThatNoException().isThrownBy(() -> writer.onExchange(TestRecords.complete()));
			writer.onExchange(TestRecords.complete());
			assertThat(writer.getFailureCount()).isEqualTo(2);
			Files.delete(blocker);
			writer.onExchange(TestRecords.minimal());
			assertThat(writer.getFailureCount()).isEqualTo(2);
		}
		assertThat(TestTrails.lines(file)).hasSize(1);
		assertThat(TestTrails.verify(file).ok()).isTrue();
	}

}
