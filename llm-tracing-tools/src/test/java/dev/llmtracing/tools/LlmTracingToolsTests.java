package dev.llmtracing.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingTools}: the usage, and the exit code of an unknown command.
 * The commands themselves are tested in their packages and, as real processes from the
 * jar, in {@link ToolsJarIT}.
 *
 * @author llm-tracing
 */
class LlmTracingToolsTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void shouldPrintUsageAndExitZeroForHelp() {
		assertThat(run("--help")).isZero();
		assertThat(text(this.out)).startsWith("Usage: java -jar llm-tracing-tools.jar <command> [<args>]\n")
			.contains("\n  verify-audit <audit-file> | <file> <file>...\n")
			.contains("\n  decrypt --key <keyId>=<base64> | --key-env <keyId>=<ENV_VAR> [...] <file.jsonl>...\n");
		assertThat(this.err.size()).isZero();
	}

	@Test
	void shouldPrintUsageAndExitTwoWithoutArguments() {
		assertThat(run()).isEqualTo(2);
		assertThat(text(this.err)).isEqualTo(LlmTracingTools.USAGE);
	}

	@Test
	void shouldExitTwoForUnknownCommandAndNeverEchoWhatMayBeAKey() {
		assertThat(run("verify", "audit.jsonl")).isEqualTo(2);
		assertThat(text(this.err)).startsWith("Unknown command 'verify': use verify-audit or decrypt\nUsage: ");
		this.err.reset();
		String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
		assertThat(run("k1=" + key)).isEqualTo(2);
		assertThat(text(this.err)).startsWith("Unknown command (argument 1): use verify-audit or decrypt\n")
			.doesNotContain(key);
		assertThat(this.out.size()).isZero();
	}

	private int run(String... args) {
		return LlmTracingTools.run(args, print(this.out), print(this.err));
	}

	private static PrintStream print(ByteArrayOutputStream stream) {
		return new PrintStream(stream, true, StandardCharsets.UTF_8);
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
