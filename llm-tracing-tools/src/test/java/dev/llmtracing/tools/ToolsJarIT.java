package dev.llmtracing.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.audit.AuditTrailSettings;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.crypto.AesGcmContentEncryptor;
import dev.llmtracing.crypto.KeyRing;
import dev.llmtracing.record.JsonText;
import dev.llmtracing.record.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the documented command lines as written, from the repository root, as real
 * processes: {@code java -jar llm-tracing-tools/target/llm-tracing-tools.jar
 * verify-audit <file>} on an untouched, a tampered and a crashed trail, and
 * {@code ... decrypt --key-env <keyId>=<ENV_VAR> <file>} on a record with encrypted
 * content.
 *
 * @author llm-tracing
 */
class ToolsJarIT {

	private static final String JAR = "llm-tracing-tools/target/llm-tracing-tools.jar";

	private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	@TempDir
	Path dir;

	@Test
	void verifyAuditPrintsOkAndExitsZeroForUntouchedTrail() throws Exception {
		Path file = trail(3);
		Result result = run(Map.of(), "verify-audit", file.toString());
		assertThat(result.out()).isEqualTo("OK: 3 records in 1 segment(s)\n");
		assertThat(result.exit()).isZero();
	}

	@Test
	void verifyAuditPrintsTamperedAndExitsOneForEditedLine() throws Exception {
		Path file = trail(3);
		List<String> lines = new ArrayList<>(Files.readAllLines(file));
		lines.set(1, lines.get(1).replace("\"ex-2\"", "\"ex-3\""));
		Files.write(file, lines);
		Result result = run(Map.of(), "verify-audit", file.toString());
		assertThat(result.out()).isEqualTo("TAMPERED: " + file + ":2: hash mismatch: the line was edited\n");
		assertThat(result.exit()).isOne();
	}

	@Test
	void verifyAuditPrintsIncompleteAndExitsThreeAfterCrash() throws Exception {
		Path file = trail(3);
		List<String> lines = Files.readAllLines(file);
		try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() - lines.get(2).length() / 2);
		}
		trail(2);
		Result result = run(Map.of(), "verify-audit", file.toString());
		assertThat(result.out()).isEqualTo("INCOMPLETE: " + file + ":3: incomplete line (crash): cut off mid-write, "
				+ "and the next start began a new segment\nThe chain verifies on both sides: 5 records in 2 segment(s)\n");
		assertThat(result.exit()).isEqualTo(3);
	}

	@Test
	void decryptPrintsTheDecryptedRecordWithKeyFromTheEnvironment() throws Exception {
		AesGcmContentEncryptor encryptor = new AesGcmContentEncryptor(KeyRing.of("test", "k1", Map.of("k1", KEY)));
		String messages = "\"gen_ai.input.messages\":[{\"role\":\"user\",\"content\":\"Grüße 4711\"}]";
		String encrypted = JsonText
			.write(encryptor.encrypt(("{" + messages + "}").getBytes(StandardCharsets.UTF_8)).toFields());
		Path file = Files.writeString(this.dir.resolve("sample-app.json"),
				"{\"exchangeId\":\"ex-1\",\"llm.content.encrypted\":" + encrypted + ",\"level\":\"INFO\"}\n");
		Result result = run(Map.of("LLM_TRACING_KEY", KEY), "decrypt", "--key-env", "k1=LLM_TRACING_KEY",
				file.toString());
		assertThat(result.out()).isEqualTo("{\"exchangeId\":\"ex-1\"," + messages + ",\"level\":\"INFO\"}\n");
		assertThat(result.exit()).isZero();
		Result wrongKey = run(Map.of(), "decrypt", "--key", "k1=" + KEY.replace('A', 'B'), file.toString());
		assertThat(wrongKey.err()).contains(file + ": line 1: cannot decrypt (authentication failed");
		assertThat(wrongKey.exit()).isOne();
	}

	@Test
	void helpPrintsUsageAndUnknownCommandExitsTwo() throws Exception {
		Result help = run(Map.of(), "--help");
		assertThat(help.out()).startsWith("Usage: java -jar llm-tracing-tools.jar <command> [<args>]\n");
		assertThat(help.exit()).isZero();
		Result unknown = run(Map.of(), "verify");
		assertThat(unknown.err()).startsWith("Unknown command 'verify': use verify-audit or decrypt\n");
		assertThat(unknown.exit()).isEqualTo(2);
	}

	private Path trail(int records) {
		Path file = this.dir.resolve("logs/llm-audit.jsonl");
		try (AuditTrailWriter writer = new AuditTrailWriter(
				new AuditTrailSettings(file, 10_000_000, 5, MdcKeys.DEFAULT))) {
			for (int i = 0; i < records; i++) {
				writer.onExchange((i % 2 == 0) ? TestRecords.complete() : TestRecords.minimal());
			}
		}
		return file;
	}

	private static Result run(Map<String, String> environment, String... args)
			throws IOException, InterruptedException {
		Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
		assertThat(root.resolve(JAR)).as("run 'package' first").isRegularFile();
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", JAR));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().close();
		byte[] out = process.getInputStream().readAllBytes();
		byte[] err = process.getErrorStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
				new String(err, StandardCharsets.UTF_8));
	}

	private static String javaCommand() {
		// The documented 'java', taken from the JDK that runs the build
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private record Result(int exit, String out, String err) {

	}

}
