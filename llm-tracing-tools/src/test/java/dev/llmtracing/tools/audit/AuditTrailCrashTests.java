package dev.llmtracing.tools.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.llmtracing.tools.audit.VerificationResult.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that tell a crash from tampering, on crafted files: only a line cut off in the
 * middle of its JSON and followed by a {@code restart-after-broken-line} segment that
 * verifies is an incomplete line; any other broken line stays a problem.
 *
 * @author llm-tracing
 */
class AuditTrailCrashTests {

	private static final String ZEROS = "0".repeat(64);

	@TempDir
	Path dir;

	@Test
	void shouldTakeEveryCutOfALineForACutOffLine() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 1);
		String line = TestTrails.lines(file).get(0).replace("\"gpt-4o-mini\"", "\"gpt-4o-mini \\\"Grüße\\\" 日本語 😀\"");
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
		for (int length = 1; length < bytes.length; length++) {
			String cut = new String(Arrays.copyOf(bytes, length), StandardCharsets.UTF_8);
			assertThat(AuditLine.isCutOff(cut)).as(cut).isTrue();
		}
		assertThat(AuditLine.isCutOff(line)).isFalse();
		assertThat(AuditLine.isCutOff("{\"hello\":\"world\"}")).isFalse();
		assertThat(AuditLine.isCutOff("")).isFalse();
		assertThat(AuditLine.isCutOff("{\"a\":1}}")).isFalse();
		assertThat(AuditLine.isCutOff("not json {")).isFalse();
	}

	@Test
	void shouldReportCutLineBeforeRestartInTheNextFileAsIncomplete() throws IOException {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		TestTrails.cutLastLine(file);
		Path rolled = TestTrails.rolled(file, 1);
		Files.move(file, rolled);
		TestTrails.write(file, 2);
		VerificationResult result = TestTrails.verify(rolled, file);
		assertThat(result.problems()).isEmpty();
		assertThat(result.incompleteLines()).containsExactly(new Problem(rolled, 3, ChainCheck.INCOMPLETE));
		assertThat(result.segments()).isEqualTo(2);
	}

	@Test
	void shouldReportCutLinesBeforeOneRestartAsIncomplete() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.add(3, lines.get(1).substring(0, 40));
		lines.set(2, lines.get(2).substring(0, 100));
		lines.add(restart(4));
		TestTrails.rewrite(file, lines);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.problems()).isEmpty();
		assertThat(result.incompleteLines()).containsExactly(new Problem(file, 3, ChainCheck.INCOMPLETE),
				new Problem(file, 4, ChainCheck.INCOMPLETE));
	}

	@Test
	void shouldReportCutLineThatTheChainGoesOnAfterAsBroken() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 4);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.add(2, lines.get(2).substring(0, 60));
		TestTrails.rewrite(file, lines);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.problems()).containsExactly(new Problem(file, 3, ChainCheck.BROKEN));
		assertThat(result.incompleteLines()).isEmpty();
	}

	@Test
	void shouldReportCutLastLineWithoutRestartAsBroken() throws IOException {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		TestTrails.cutLastLine(file);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.problems()).containsExactly(new Problem(file, 3, ChainCheck.BROKEN));
		assertThat(result.incompleteLines()).isEmpty();
	}

	@Test
	void shouldReportCompleteLineThatIsNotAnAuditLineBeforeRestartAsBroken() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 2);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.add("{\"hello\":\"world\"}");
		lines.add(restart(3));
		TestTrails.rewrite(file, lines);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.problems()).containsExactly(new Problem(file, 3, ChainCheck.BROKEN));
		assertThat(result.incompleteLines()).isEmpty();
	}

	@Test
	void shouldReportCutLineBeforeRestartThatDoesNotVerifyAsBroken() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.set(2, lines.get(2).substring(0, 80));
		lines.add(restart(2));
		TestTrails.rewrite(file, lines);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.problems()).containsExactly(new Problem(file, 3, ChainCheck.BROKEN),
				new Problem(file, 4, "sequence gap: audit.seq 2 does not come after 2"));
		assertThat(result.incompleteLines()).isEmpty();
	}

	private static String restart(long seq) {
		return TestTrails.seal("{\"exchangeId\":\"ex-9\",\"audit.segment\":\"restart-after-broken-line\",\"audit.seq\":"
				+ seq + ",\"audit.prev\":\"" + ZEROS + "\"}");
	}

}
