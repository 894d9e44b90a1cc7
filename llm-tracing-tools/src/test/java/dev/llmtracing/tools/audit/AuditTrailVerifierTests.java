package dev.llmtracing.tools.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditTrailVerifier}: each kind of tampering is reported at the line
 * where it shows, and an untouched trail verifies.
 *
 * @author llm-tracing
 */
class AuditTrailVerifierTests {

	@TempDir
	Path dir;

	@Test
	void shouldVerifyUntouchedTrail() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 5);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.ok()).isTrue();
		assertThat(result.linesChecked()).isEqualTo(5);
		assertThat(result.segments()).isEqualTo(1);
		assertThat(result.firstProblem()).isNull();
	}

	@Test
	void shouldReportEditedLineAtItsNumber() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 5);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		assertThat(lines.get(2)).contains("\"gen_ai.request.model\":\"gpt-4o-mini\"");
		lines.set(2, lines.get(2).replace("\"gpt-4o-mini\"", "\"gpt-4o-mino\""));
		TestTrails.rewrite(file, lines);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.ok()).isFalse();
		assertThat(result.problems()).containsExactly(problem(file, 3, ChainCheck.EDITED));
	}

	@Test
	void shouldReportRemovedLineAtTheLineAfterIt() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 5);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.remove(2);
		TestTrails.rewrite(file, lines);
		assertThat(TestTrails.verify(file).problems()).containsExactly(problem(file, 3, ChainCheck.CHAIN));
	}

	@Test
	void shouldReportDuplicatedLineAtTheCopy() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 5);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.add(2, lines.get(1));
		TestTrails.rewrite(file, lines);
		assertThat(TestTrails.verify(file).problems()).containsExactly(problem(file, 3, ChainCheck.CHAIN));
	}

	@Test
	void shouldReportSwappedLinesAtTheFirstOfThem() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 5);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		Collections.swap(lines, 1, 2);
		TestTrails.rewrite(file, lines);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.firstProblem()).isEqualTo(problem(file, 2, ChainCheck.CHAIN));
		assertThat(result.problems()).extracting(VerificationResult.Problem::line).containsExactly(2L, 3L, 4L);
	}

	@Test
	void shouldReportSequenceGapOfResealedLine() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		String last = lines.get(2);
		String body = last.substring(0, last.lastIndexOf(",\"audit.hash\":")) + "}";
		lines.set(2, TestTrails.seal(body.replace("\"audit.seq\":3,", "\"audit.seq\":7,")));
		TestTrails.rewrite(file, lines);
		assertThat(TestTrails.verify(file).problems())
			.containsExactly(problem(file, 3, "sequence gap: audit.seq 7 where 3 was expected"));
	}

	@Test
	void shouldAcceptTrailStartingMidChain() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 5);
		TestTrails.rewrite(file, TestTrails.lines(file).subList(2, 5));
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.ok()).isTrue();
		assertThat(result.linesChecked()).isEqualTo(3);
		assertThat(result.segments()).isEqualTo(1);
	}

	@Test
	void shouldReportLineThatIsNotAnAuditLine() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.add(1, "{\"hello\":\"world\"}");
		TestTrails.rewrite(file, lines);
		assertThat(TestTrails.verify(file).problems()).containsExactly(problem(file, 2, ChainCheck.BROKEN));
	}

	private static VerificationResult.Problem problem(Path file, long line, String reason) {
		return new VerificationResult.Problem(file, line, reason);
	}

}
