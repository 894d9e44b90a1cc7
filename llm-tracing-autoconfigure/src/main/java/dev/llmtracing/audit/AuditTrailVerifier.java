package dev.llmtracing.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.llmtracing.audit.VerificationResult.Problem;

/**
 * Verifies the audit files written by {@link AuditTrailWriter}, with string operations
 * only. Each line must carry the hash of its own text; its {@code "audit.prev"} must be
 * the hash of the line before and its {@code "audit.seq"} one more, across files. A line
 * with {@code "audit.segment"} starts a segment instead: its {@code "audit.prev"} is 64
 * zeros and its {@code "audit.seq"} need only be greater than the one before.
 * <p>
 * The first line seen may start mid-chain: deleting the oldest rolled files is how the
 * history is kept short, not tampering. For the same reason, lines cut from the start of
 * the oldest file or from the end of the newest one cannot be seen here; compare the last
 * {@code "audit.hash"} with a copy kept elsewhere for that.
 * <p>
 * A broken line (cut, half-written) is always a problem, also when the writer started a
 * {@code restart-after-broken-line} segment after it: the verifier cannot tell a crash
 * from a cut. The check goes on after any problem, so the result also shows whether the
 * lines after it verify.
 * <p>
 * Run from the command line with one audit file (its rolled files {@code <name>.N} are
 * verified first, oldest first) or several files in order. Exit code 0: {@code OK}; 1:
 * {@code TAMPERED}; 2: bad arguments or a file that cannot be read.
 *
 * @author llm-tracing
 */
public final class AuditTrailVerifier {

	private static final String USAGE = "Usage: java -cp <classpath> " + AuditTrailVerifier.class.getName()
			+ " <audit-file> | <file> <file>...";

	private AuditTrailVerifier() {
	}

	/**
	 * Verify the lines of audit files, as one trail.
	 * @param files the files, oldest first
	 * @return what was found
	 * @throws IOException if a file cannot be read
	 */
	public static VerificationResult verify(List<Path> files) throws IOException {
		ChainCheck check = new ChainCheck();
		List<Problem> problems = new ArrayList<>();
		for (Path file : files) {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
				long number = 0;
				for (String text = reader.readLine(); text != null; text = reader.readLine()) {
					number++;
					String reason = check.check(text);
					if (reason != null) {
						problems.add(new Problem(file, number, reason));
					}
				}
			}
		}
		return new VerificationResult(check.lines(), check.segments(), problems);
	}

	/**
	 * Return the files of an audit trail: the rolled files, oldest first, then the
	 * current file, of those that exist.
	 * @param file the current audit file
	 * @return the files of the trail, oldest first
	 * @throws IOException if the directory cannot be listed
	 */
	public static List<Path> trailFiles(Path file) throws IOException {
		List<Path> files = new ArrayList<>(RolledFiles.oldestFirst(file));
		if (Files.isRegularFile(file)) {
			files.add(file);
		}
		return files;
	}

	/**
	 * Verify audit files and exit with 0 when they verify, 1 when they do not and 2 on
	 * bad arguments.
	 * @param args one audit file, or several files oldest first
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out));
	}

	static int run(String[] args, PrintStream out) {
		if (args.length == 0 || args[0].startsWith("-")) {
			out.println(USAGE);
			return 2;
		}
		try {
			List<Path> files = files(args);
			for (Path file : files) {
				if (!Files.isRegularFile(file)) {
					out.println("No such file: " + file);
					out.println(USAGE);
					return 2;
				}
			}
			VerificationResult result = verify(files);
			Problem problem = result.firstProblem();
			if (problem == null) {
				out.println("OK: " + result.linesChecked() + " records in " + result.segments() + " segment(s)");
				return 0;
			}
			out.println("TAMPERED: " + problem);
			if (result.problems().size() > 1) {
				out.println("and " + (result.problems().size() - 1) + " more problem(s) after it");
			}
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			out.println("Cannot read the audit trail: " + ex);
			return 2;
		}
	}

	private static List<Path> files(String[] args) throws IOException {
		if (args.length > 1) {
			return Arrays.stream(args).map(Path::of).toList();
		}
		List<Path> files = trailFiles(Path.of(args[0]));
		return files.isEmpty() ? List.of(Path.of(args[0])) : files;
	}

}
