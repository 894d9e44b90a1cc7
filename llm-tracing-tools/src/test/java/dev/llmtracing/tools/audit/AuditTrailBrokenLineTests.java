package dev.llmtracing.tools.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for a broken last line, as a crash mid-write leaves it: the next writer leaves it
 * in place, starts a marked segment after it and logs a WARN; the verifier reports the
 * cut line as an incomplete line, not a problem, and verifies the new segment. An edited
 * last line stays a problem.
 *
 * @author llm-tracing
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailBrokenLineTests {

	@TempDir
	Path dir;

	@Test
	void shouldStartMarkedSegmentAfterHalfWrittenLastLine() throws IOException {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		String last = TestTrails.lines(file).get(2);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() - last.length() / 2);
		}
		TestTrails.write(file, 2);
		List<String> lines = TestTrails.lines(file);
		assertThat(lines).hasSize(5);
		assertThat(lines.get(2)).isEqualTo(last.substring(0, last.length() + 1 - last.length() / 2));
		Map<String, Object> restart = TestTrails.fields(lines.get(3));
		assertThat(restart).containsEntry("audit.segment", "restart-after-broken-line")
			.containsEntry("audit.seq", 3)
			.containsEntry("audit.prev", "0".repeat(64));
		assertThat(TestTrails.fields(lines.get(4))).doesNotContainKey("audit.segment").containsEntry("audit.seq", 4);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.problems()).isEmpty();
		assertThat(result.incompleteLines())
			.containsExactly(new VerificationResult.Problem(file, 3, ChainCheck.INCOMPLETE));
		assertThat(result.segments()).isEqualTo(2);
		assertThat(result.linesChecked()).isEqualTo(5);
	}

	@Test
	void shouldLogOneWarnWhenStartingSegmentAfterBrokenLine(CapturedOutput output) throws IOException {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		TestTrails.write(file, 2);
		assertThat(output).doesNotContain("broken line");
		TestTrails.cutLastLine(file);
		TestTrails.write(file, 3);
		TestTrails.write(file, 1);
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN"))).singleElement()
			.asString()
			.contains("Audit file '" + file + "' ended with a broken line (cut off by a crash, or edited): "
					+ "started a new segment at audit.seq 5");
	}

	@Test
	void shouldStartMarkedSegmentAfterEditedLastLine() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.set(2, lines.get(2).replace("\"ex-1\"", "\"ex-9\""));
		TestTrails.rewrite(file, lines);
		TestTrails.write(file, 1);
		assertThat(TestTrails.fields(TestTrails.lines(file).get(3)))
			.containsEntry("audit.segment", "restart-after-broken-line")
			.containsEntry("audit.seq", 4);
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.problems()).containsExactly(new VerificationResult.Problem(file, 3, ChainCheck.EDITED));
		assertThat(result.incompleteLines()).isEmpty();
		assertThat(result.segments()).isEqualTo(2);
	}

}
