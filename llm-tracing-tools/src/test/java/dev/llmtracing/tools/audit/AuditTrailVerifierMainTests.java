package dev.llmtracing.tools.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the command line of {@link AuditTrailVerifier}: its output and exit codes.
 *
 * @author llm-tracing
 */
class AuditTrailVerifierMainTests {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@TempDir
	Path dir;

	@Test
	void shouldPrintOkAndExitZeroForUntouchedTrail() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		assertThat(run(file.toString())).isZero();
		assertThat(output()).isEqualTo("OK: 3 records in 1 segment(s)\n");
	}

	@Test
	void shouldVerifyFilesGivenInOrder() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		Path older = this.dir.resolve("older.jsonl");
		TestTrails.rewrite(older, TestTrails.lines(file).subList(0, 2));
		TestTrails.rewrite(file, TestTrails.lines(file).subList(2, 3));
		assertThat(run(older.toString(), file.toString())).isZero();
		assertThat(run(file.toString(), older.toString())).isOne();
	}

	@Test
	void shouldPrintFirstProblemAndExitOneForTamperedTrail() {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 4);
		List<String> lines = new ArrayList<>(TestTrails.lines(file));
		lines.set(1, lines.get(1).replace("\"ex-2\"", "\"ex-3\""));
		lines.remove(2);
		TestTrails.rewrite(file, lines);
		assertThat(run(file.toString())).isOne();
		assertThat(output()).isEqualTo(
				"TAMPERED: " + file + ":2: hash mismatch: the line was edited\nand 1 more problem(s) after it\n");
	}

	@Test
	void shouldPrintIncompleteLineAndExitThreeAfterCrash() throws IOException {
		Path file = TestTrails.write(this.dir.resolve("audit.jsonl"), 3);
		TestTrails.cutLastLine(file);
		TestTrails.write(file, 1);
		assertThat(run(file.toString())).isEqualTo(3);
		assertThat(output()).isEqualTo("INCOMPLETE: " + file + ":3: incomplete line (crash): cut off mid-write, "
				+ "and the next start began a new segment\nThe chain verifies on both sides: 4 records in 2 segment(s)\n");
	}

	@Test
	void shouldPrintUsageAndExitTwoWithoutArguments() {
		assertThat(run()).isEqualTo(2);
		assertThat(output()).startsWith("Usage: java -jar llm-tracing-tools.jar verify-audit ");
	}

	@Test
	void shouldExitTwoForMissingFile() {
		Path missing = this.dir.resolve("missing.jsonl");
		assertThat(run(missing.toString())).isEqualTo(2);
		assertThat(output()).startsWith("No such file: " + missing + "\nUsage: ");
	}

	private int run(String... args) {
		this.output.reset();
		return AuditTrailVerifier.run(args, new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
