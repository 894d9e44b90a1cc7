package dev.llmtracing.sample.prometheus;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the {@code prometheus} and {@code promtool} binaries (Debian's {@code prometheus}
 * package, installed by {@code .ci/run}). On CI a missing binary fails the test; on a
 * developer machine without them the test is skipped with a message saying how to install
 * them.
 *
 * @author llm-tracing
 */
public final class PrometheusBinaries {

	private PrometheusBinaries() {
	}

	/**
	 * Return the path of a Prometheus binary.
	 * @param name {@code prometheus} or {@code promtool}
	 * @return the path of the binary
	 */
	public static Path require(String name) {
		String override = System.getenv(name.toUpperCase(java.util.Locale.ROOT) + "_BIN");
		Path binary = (override != null) ? Path.of(override) : Path.of("/usr/bin", name);
		if (Files.isExecutable(binary)) {
			return binary;
		}
		String message = name + " not found at " + binary + "; install it with 'apt-get install -y prometheus'"
				+ " (the service need not run) or set " + name.toUpperCase(java.util.Locale.ROOT) + "_BIN";
		if (System.getenv("CI") != null) {
			throw new IllegalStateException(message);
		}
		Assumptions.abort(message);
		return binary;
	}

}
