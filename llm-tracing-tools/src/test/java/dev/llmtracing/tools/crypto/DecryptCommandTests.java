package dev.llmtracing.tools.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.llmtracing.crypto.AesGcmContentEncryptor;
import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.crypto.EncryptedContent;
import dev.llmtracing.crypto.TestKeys;
import dev.llmtracing.record.JsonText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DecryptCommand} end to end on JSON lines files: its output, messages
 * and exit codes.
 *
 * @author llm-tracing
 */
class DecryptCommandTests {

	private static final String MESSAGES = "\"gen_ai.input.messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
			+ "\"gen_ai.output.messages\":[{\"role\":\"assistant\",\"content\":\"Hello\"}]";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final String k1 = TestKeys.newKey();

	private final ContentEncryptor encryptor = new AesGcmContentEncryptor(TestKeys.ring("k1", "k1", this.k1));

	@TempDir
	Path dir;

	@Test
	void shouldDecryptGoodLinesAndReportTamperedOnes() throws IOException {
		EncryptedContent tampered = this.encryptor.encrypt(("{" + MESSAGES + "}").getBytes(StandardCharsets.UTF_8));
		tampered = new EncryptedContent(tampered.algorithm(), tampered.keyId(), tampered.nonce(),
				flipByte(tampered.ciphertext(), 0));
		String tamperedLine = line("ex-2", tampered);
		Path file = write("exchanges.jsonl", line("ex-1", encrypt("{" + MESSAGES + "}")), tamperedLine,
				"{\"llm.exchange.id\":\"ex-3\"}");
		assertThat(run("--key", "k1=" + this.k1, file.toString())).isOne();
		assertThat(lines(this.out)).containsExactly(
				"{\"llm.exchange.id\":\"ex-1\"," + MESSAGES + ",\"level\":\"INFO\"}", tamperedLine,
				"{\"llm.exchange.id\":\"ex-3\"}");
		assertThat(lines(this.err)).containsExactly(file + ": line 2: cannot decrypt (authentication failed: "
				+ "the key for key id 'k1' is wrong, or the content was changed)");
	}

	@Test
	void shouldExitZeroWhenAllContentDecryptsAcrossFilesAndKeys() throws IOException {
		String k2 = TestKeys.newKey();
		ContentEncryptor rotated = new AesGcmContentEncryptor(TestKeys.ring("k2", "k1", this.k1, "k2", k2));
		Path older = write("older.jsonl", line("ex-1", encrypt("{\"a\":1}")));
		Path newer = write("newer.jsonl", "",
				line("ex-2", rotated.encrypt("{\"b\":2}".getBytes(StandardCharsets.UTF_8))));
		Map<String, String> environment = Map.of("K2", k2);
		assertThat(DecryptCommand.run(
				new String[] { "--key", "k1=" + this.k1, "--key-env", "k2=K2", older.toString(), newer.toString() },
				print(this.out), print(this.err), environment::get))
			.isZero();
		assertThat(lines(this.out)).containsExactly("{\"llm.exchange.id\":\"ex-1\",\"a\":1,\"level\":\"INFO\"}", "",
				"{\"llm.exchange.id\":\"ex-2\",\"b\":2,\"level\":\"INFO\"}");
		assertThat(this.err.size()).isZero();
	}

	@Test
	void shouldReportAnUnknownKeyId() throws IOException {
		Path file = write("exchanges.jsonl", line("ex-1", encrypt("{\"a\":1}")));
		assertThat(run("--key", "k2=" + TestKeys.newKey(), file.toString())).isOne();
		assertThat(lines(this.err))
			.containsExactly(file + ": line 1: cannot decrypt (unknown key id 'k1', known: [k2])");
	}

	@Test
	void shouldExitTwoWithUsageForBadArguments() throws IOException {
		Path file = write("exchanges.jsonl", "{}");
		assertBadArguments("give at least one --key or --key-env and at least one file");
		assertBadArguments("give at least one --key or --key-env and at least one file", file.toString());
		assertBadArguments("give at least one --key or --key-env and at least one file", "--key", "k1=" + this.k1);
		assertBadArguments("--key needs <keyId>=<base64> and --key-env <keyId>=<ENV_VAR>", file.toString(), "--key");
		assertBadArguments("no such file: missing.jsonl", "--key", "k1=" + this.k1, "missing.jsonl");
		assertBadArguments("unknown option --keys", "--keys=k1=" + this.k1, file.toString());
		assertBadArguments("key id 'k1' is given twice", "--key", "k1=" + this.k1, "--key", "k1=" + this.k1);
		assertBadArguments("environment variable NO_SUCH_VARIABLE_HERE is not set", "--key-env",
				"k1=NO_SUCH_VARIABLE_HERE", file.toString());
	}

	@Test
	void shouldNeverPrintAKey() throws IOException {
		Path file = write("exchanges.jsonl", "{}");
		String shortKey = this.k1.substring(0, 40);
		assertBadArguments("--key k1 is not a 256-bit key: it must be 32 bytes in Base64 (44 characters);"
				+ " generate one with 'openssl rand -base64 32'", "--key", "k1=" + shortKey, file.toString());
		assertBadArguments("--key needs <keyId>=<base64> and --key-env <keyId>=<ENV_VAR>", "--key", this.k1,
				file.toString());
		assertBadArguments("argument 1 is not a file (a key goes after --key)", "k1=" + this.k1, file.toString());
		String bareKeyWithPadding = "A".repeat(42) + "E=";
		assertBadArguments("--key needs <keyId>=<base64> and --key-env <keyId>=<ENV_VAR>", "--key", bareKeyWithPadding,
				file.toString());
		String bareKeyWithSlash = "A/" + "A".repeat(40) + "==";
		assertBadArguments("--key needs <keyId>=<base64> and --key-env <keyId>=<ENV_VAR>", "--key", bareKeyWithSlash,
				file.toString());
		assertBadArguments("argument 2: a key id may use only letters, digits, '.', '_' and '-'", "--key",
				"A/AAAA=" + this.k1, file.toString());
		assertThat(this.err.toString(StandardCharsets.UTF_8)).doesNotContain(this.k1, shortKey,
				bareKeyWithPadding.substring(0, 42), bareKeyWithSlash.substring(0, 42), "A/AAAA");
	}

	private void assertBadArguments(String message, String... args) {
		this.err.reset();
		assertThat(run(args)).isEqualTo(2);
		assertThat(lines(this.err)).containsExactly(message, "Usage: java -jar llm-tracing-tools.jar "
				+ "decrypt --key <keyId>=<base64> | --key-env <keyId>=<ENV_VAR> [...] " + "<file.jsonl>...");
		assertThat(this.out.size()).isZero();
	}

	private String line(String id, EncryptedContent content) {
		return "{\"llm.exchange.id\":\"" + id + "\",\"llm.content.encrypted\":" + JsonText.write(content.toFields())
				+ ",\"level\":\"INFO\"}";
	}

	private EncryptedContent encrypt(String json) {
		return this.encryptor.encrypt(json.getBytes(StandardCharsets.UTF_8));
	}

	private Path write(String name, String... lines) throws IOException {
		return Files.write(this.dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
	}

	private int run(String... args) {
		return DecryptCommand.run(args, print(this.out), print(this.err));
	}

	private static String flipByte(String base64, int index) {
		byte[] bytes = Base64.getDecoder().decode(base64);
		bytes[index] ^= 0x01;
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static PrintStream print(ByteArrayOutputStream stream) {
		return new PrintStream(stream, true, StandardCharsets.UTF_8);
	}

	private static List<String> lines(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8).lines().toList();
	}

}
