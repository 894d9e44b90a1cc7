package dev.llmtracing.tools.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.llmtracing.audit.AuditTrailFormat;
import dev.llmtracing.tools.audit.VerificationResult.Problem;

/**
 * The {@code verify-audit} command: verifies the audit files written by
 * {@code dev.llmtracing.audit.AuditTrailWriter}. Each line must carry the hash of its own
 * exact text; its {@code "audit.prev"} must be the hash of the line before and its
 * {@code "audit.seq"} one more, across files. A line with {@code "audit.segment"} starts
 * a segment instead: its {@code "audit.prev"} is 64 zeros and its {@code "audit.seq"}
 * need only be greater than the one before.
 * <p>
 * The first line seen may start mid-chain: deleting the oldest rolled files is how the
 * history is kept short, not tampering. For the same reason, lines cut from the start of
 * the oldest file or from the end of the newest one cannot be seen here; compare the last
 * {@code "audit.hash"} with a copy kept elsewhere for that.
 * <p>
 * A line cut off in the middle of its JSON and followed by the
 * {@code restart-after-broken-line} segment that the writer starts after it is what a
 * crash leaves: it is reported as an incomplete line, and the chain is verified on both
 * sides of it. Any other broken line is a problem, also the cut-off last line of the
 * newest file (the writer has not started again since). The check goes on after any
 * problem, so the result also shows whether the lines after it verify.
 * <p>
 * Arguments: one audit file (its rolled files {@code <name>.N} are verified first, oldest
 * first) or several files in order. Exit code 0: {@code OK}; 1: {@code TAMPERED}; 2: bad
 * arguments or a file that cannot be read; 3: {@code INCOMPLETE}, the trail verifies but
 * a crash cut off a line.
 *
 * @author llm-tracing
 */
public final class AuditTrailVerifier {

	/**
	 * The usage of the command.
	 */
	public static final String USAGE = "verify-audit <audit-file> | <file> <file>...";

	private static final String COMMAND = "Usage: java -jar llm-tracing-tools.jar " + USAGE;

	private AuditTrailVerifier() {
	}

	/**
	 * Verify the lines of audit files, as one trail.
	 * @param files the files, oldest first
	 * @return what was found
	 * @throws IOException if a file cannot be read
	 */
	static VerificationResult verify(List<Path> files) throws IOException {
		ChainCheck check = new ChainCheck();
		for (Path file : files) {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
				long number = 0;
				for (String text = reader.readLine(); text != null; text = reader.readLine()) {
					check.check(file, ++number, text);
				}
			}
		}
		return check.result();
	}

	/**
	 * Verify audit files and print what was found.
	 * @param args one audit file, or several files oldest first
	 * @param out where to print
	 * @return the exit code: 0 when the files verify, 1 when they do not, 2 on bad
	 * arguments and 3 when they verify but a crash cut off a line
	 */
	public static int run(String[] args, PrintStream out) {
		if (args.length == 0 || args[0].startsWith("-")) {
			out.println(COMMAND);
			return 2;
		}
		try {
			List<Path> files = files(args);
			for (Path file : files) {
				if (!Files.isRegularFile(file)) {
					out.println("No such file: " + file);
					out.println(COMMAND);
					return 2;
				}
			}
			return report(verify(files), out);
		}
		catch (IOException | RuntimeException ex) {
			out.println("Cannot read the audit trail: " + ex);
			return 2;
		}
	}

	private static int report(VerificationResult result, PrintStream out) {
		String counts = result.linesChecked() + " records in " + result.segments() + " segment(s)";
		Problem problem = result.firstProblem();
		if (problem != null) {
			out.println("TAMPERED: " + problem);
			if (result.problems().size() > 1) {
				out.println("and " + (result.problems().size() - 1) + " more problem(s) after it");
			}
			return 1;
		}
		List<Problem> incomplete = result.incompleteLines();
		if (incomplete.isEmpty()) {
			out.println("OK: " + counts);
			return 0;
		}
		out.println("INCOMPLETE: " + incomplete.get(0));
		if (incomplete.size() > 1) {
			out.println("and " + (incomplete.size() - 1) + " more incomplete line(s) after it");
		}
		out.println("The chain verifies on both sides: " + counts);
		return 3;
	}

	private static List<Path> files(String[] args) throws IOException {
		if (args.length > 1) {
			return Arrays.stream(args).map(Path::of).toList();
		}
		List<Path> files = AuditTrailFormat.files(Path.of(args[0]));
		return files.isEmpty() ? List.of(Path.of(args[0])) : files;
	}

}
