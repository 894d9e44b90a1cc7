package dev.llmtracing.tools.crypto;

import dev.llmtracing.crypto.ContentDecryptionException;
import dev.llmtracing.crypto.EncryptedContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EncryptedLine}: finding the encrypted content of a JSON line and
 * splicing the decrypted members in its place.
 *
 * @author llm-tracing
 */
class EncryptedLineTests {

	private static final String OBJECT = "{\"alg\":\"AES-256-GCM\",\"kid\":\"k1\",\"nonce\":\"bm9u\",\"ciphertext\":\"Y2lw\"}";

	private static final EncryptedContent CONTENT = new EncryptedContent("AES-256-GCM", "k1", "bm9u", "Y2lw");

	@Test
	void shouldFindNothingInALineWithoutEncryptedContent() {
		assertThat(EncryptedLine.find("{\"a\":1}")).isNull();
		assertThat(EncryptedLine.find("{\"message\":\"llm.content.encrypted\",\"b\":\"llm.content.encrypted\"}"))
			.isNull();
		assertThat(EncryptedLine.find("{\"p\":\"say \\\"llm.content.encrypted\\\":" + OBJECT + "\"}")).isNull();
		assertThat(EncryptedLine.find("{\"x \\\"llm.content.encrypted\":" + OBJECT + "}")).isNull();
	}

	@Test
	void shouldReadTheContentWrittenByOurWriters() {
		String line = "{\"a\":1,\"llm.content.encrypted\":" + OBJECT + ",\"b\":2}";
		assertThat(EncryptedLine.find(line).content()).isEqualTo(CONTENT);
	}

	@Test
	void shouldAcceptWhiteSpaceOtherOrderAndEscapedSlashes() {
		String line = "{\"llm.content.encrypted\" : { \"kid\": \"k1\", \"alg\": \"AES-256-GCM\",\t"
				+ "\"nonce\" : \"bm\\/u\" , \"ciphertext\":\"Y2lw\" } }";
		assertThat(EncryptedLine.find(line).content())
			.isEqualTo(new EncryptedContent("AES-256-GCM", "k1", "bm/u", "Y2lw"));
	}

	@Test
	void shouldRejectMalformedContent() {
		assertThatExceptionOfType(ContentDecryptionException.class)
			.isThrownBy(() -> EncryptedLine.find("{\"llm.content.encrypted\":{\"alg\":\"AES-256-GCM\"}}").content())
			.withMessage("malformed encrypted content: 'kid' is missing");
		assertThatExceptionOfType(ContentDecryptionException.class)
			.isThrownBy(() -> EncryptedLine.find("{\"llm.content.encrypted\":{\"alg\":\"AES-256-GCM").content())
			.withMessage("malformed llm.content.encrypted at column 45");
		assertThatExceptionOfType(ContentDecryptionException.class)
			.isThrownBy(() -> EncryptedLine.find("{\"llm.content.encrypted\":\"secret\"}").content())
			.withMessage("malformed llm.content.encrypted at column 26");
		assertThatExceptionOfType(ContentDecryptionException.class)
			.isThrownBy(() -> EncryptedLine.find("{\"llm.content.encrypted\":{\"alg\":1}}").content())
			.withMessageStartingWith("malformed llm.content.encrypted");
	}

	@Test
	void shouldSpliceTheMembersOfTheDecryptedObject() {
		EncryptedLine line = EncryptedLine.find("{\"a\":1,\"llm.content.encrypted\":" + OBJECT + ",\"b\":2}");
		line.content();
		assertThat(line.splice(" {\"in\":[{\"role\":\"user\"}],\n\"out\":[]} "))
			.isEqualTo("{\"a\":1,\"in\":[{\"role\":\"user\"}], \"out\":[],\"b\":2}");
	}

	@Test
	void shouldRemoveTheMemberAndOneCommaForAnEmptyObject() {
		assertThat(spliceEmpty("{\"a\":1,\"llm.content.encrypted\":" + OBJECT + ",\"b\":2}"))
			.isEqualTo("{\"a\":1,\"b\":2}");
		assertThat(spliceEmpty("{\"llm.content.encrypted\":" + OBJECT + ", \"b\":2}")).isEqualTo("{ \"b\":2}");
		assertThat(spliceEmpty("{\"llm.content.encrypted\":" + OBJECT + "}")).isEqualTo("{}");
	}

	@Test
	void shouldRejectAPlaintextThatIsNotAnObject() {
		EncryptedLine line = EncryptedLine.find("{\"llm.content.encrypted\":" + OBJECT + "}");
		line.content();
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(() -> line.splice("[1,2]"))
			.withMessage("the plaintext is not a JSON object");
	}

	private static String spliceEmpty(String text) {
		EncryptedLine line = EncryptedLine.find(text);
		line.content();
		return line.splice("{ }");
	}

}
