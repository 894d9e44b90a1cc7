package dev.llmtracing.sample.prometheus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code promtool}.
 *
 * @author llm-tracing
 */
public final class Promtool {

	private Promtool() {
	}

	/**
	 * Run promtool and wait for it.
	 * @param stdin what to write to its standard input, or {@code null}
	 * @param args the arguments
	 * @return its exit code and combined output
	 * @throws IOException if it cannot be started
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static Result run(String stdin, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(PrometheusBinaries.require("promtool").toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (OutputStream in = process.getOutputStream()) {
			if (stdin != null) {
				in.write(stdin.getBytes(StandardCharsets.UTF_8));
			}
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("promtool did not finish: " + command);
		}
		return new Result(process.exitValue(), output);
	}

	/**
	 * What promtool said.
	 *
	 * @param exitCode the exit code
	 * @param output the combined standard output and error
	 */
	public record Result(int exitCode, String output) {

	}

}
