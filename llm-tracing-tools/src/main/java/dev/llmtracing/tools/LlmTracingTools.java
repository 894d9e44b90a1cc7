package dev.llmtracing.tools;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.llmtracing.tools.audit.AuditTrailVerifier;
import dev.llmtracing.tools.crypto.DecryptCommand;

/**
 * The entry point of {@code llm-tracing-tools.jar}: runs the command named by the first
 * argument with the others. {@code verify-audit} verifies an audit trail, {@code decrypt}
 * prints JSON lines with their encrypted content decrypted. Without arguments, or with
 * {@code --help}, prints the usage.
 *
 * @author llm-tracing
 */
public final class LlmTracingTools {

	static final String USAGE = """
			Usage: java -jar llm-tracing-tools.jar <command> [<args>]

			Commands:
			  %s
			      Verify the hash chain of an audit trail: one audit file (its rolled files
			      <name>.N are verified first) or several files, oldest first.
			      Exit code 0: OK, 1: TAMPERED, 2: bad arguments, 3: INCOMPLETE (a crash cut
			      off a line, and the chain verifies on both sides).
			  %s
			      Print JSON lines files with their encrypted content decrypted.
			      Exit code 0: all decrypted, 1: some lines could not be, 2: bad arguments.
			  --help
			      Print this text.
			""".formatted(AuditTrailVerifier.USAGE, DecryptCommand.USAGE);

	private LlmTracingTools() {
	}

	/**
	 * Run a command and exit with its exit code.
	 * @param args the command and its arguments
	 */
	public static void main(String[] args) {
		PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
				StandardCharsets.UTF_8);
		int status = run(args, out, System.err);
		out.flush();
		System.exit(status);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			err.print(USAGE);
			return 2;
		}
		String[] commandArgs = Arrays.copyOfRange(args, 1, args.length);
		return switch (args[0]) {
			case "verify-audit" -> AuditTrailVerifier.run(commandArgs, out);
			case "decrypt" -> DecryptCommand.run(commandArgs, out, err);
			case "--help", "-h", "help" -> {
				out.print(USAGE);
				yield 0;
			}
			default -> {
				err.println("Unknown command " + quote(args[0]) + ": use verify-audit or decrypt");
				err.print(USAGE);
				yield 2;
			}
		};
	}

	private static String quote(String command) {
		// An argument that is not a word may be a key given in the wrong place: never
		// echo it
		for (int i = 0; i < command.length(); i++) {
			char ch = command.charAt(i);
			if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '-') || i >= 32) {
				return "(argument 1)";
			}
		}
		return "'" + command + "'";
	}

}
