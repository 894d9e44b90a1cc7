package dev.llmtracing.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that {@link AesGcmContentEncryptor} detects a wrong key and changed content.
 *
 * @author llm-tracing
 */
class CryptoTamperingTests {

	private static final byte[] PLAINTEXT = "{\"gen_ai.output.messages\":[]}".getBytes(StandardCharsets.UTF_8);

	private final String k1 = TestKeys.newKey();

	private final AesGcmContentEncryptor encryptor = new AesGcmContentEncryptor(
			TestKeys.ring("k1", "k1", this.k1, "k2", TestKeys.newKey()));

	private final EncryptedContent content = this.encryptor.encrypt(PLAINTEXT);

	@Test
	void shouldDetectAWrongKeyUnderTheSameKeyId() {
		AesGcmContentEncryptor wrongKey = new AesGcmContentEncryptor(TestKeys.ring("k1", "k1", TestKeys.newKey()));
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(() -> wrongKey.decrypt(this.content))
			.withMessage("authentication failed: the key for key id 'k1' is wrong, or the content was changed");
	}

	@Test
	void shouldDetectAFlippedCiphertextByte() {
		EncryptedContent tampered = new EncryptedContent(this.content.algorithm(), this.content.keyId(),
				this.content.nonce(), flipByte(this.content.ciphertext(), 3));
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(() -> this.encryptor.decrypt(tampered))
			.withMessageStartingWith("authentication failed");
	}

	@Test
	void shouldDetectAFlippedTagByte() {
		String ciphertext = this.content.ciphertext();
		EncryptedContent tampered = new EncryptedContent(this.content.algorithm(), this.content.keyId(),
				this.content.nonce(), flipByte(ciphertext, Base64.getDecoder().decode(ciphertext).length - 1));
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(() -> this.encryptor.decrypt(tampered))
			.withMessageStartingWith("authentication failed");
	}

	@Test
	void shouldDetectAFlippedNonceByte() {
		EncryptedContent tampered = new EncryptedContent(this.content.algorithm(), this.content.keyId(),
				flipByte(this.content.nonce(), 0), this.content.ciphertext());
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(() -> this.encryptor.decrypt(tampered))
			.withMessageStartingWith("authentication failed");
	}

	@Test
	void shouldDetectContentPassedOffUnderAnotherKeyIdHoldingTheSameKey() {
		AesGcmContentEncryptor sameKeyTwice = new AesGcmContentEncryptor(
				TestKeys.ring("k1", "k1", this.k1, "k1-copy", this.k1));
		EncryptedContent relabelled = new EncryptedContent(this.content.algorithm(), "k1-copy", this.content.nonce(),
				this.content.ciphertext());
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(() -> sameKeyTwice.decrypt(relabelled))
			.withMessage("authentication failed: the key for key id 'k1-copy' is wrong, or the content was changed");
	}

	@Test
	void shouldRejectMalformedFields() {
		assertThatExceptionOfType(ContentDecryptionException.class)
			.isThrownBy(() -> this.encryptor.decrypt(new EncryptedContent("AES-128-CBC", "k1", "", "")))
			.withMessage("unsupported algorithm 'AES-128-CBC'");
		assertThatExceptionOfType(ContentDecryptionException.class)
			.isThrownBy(() -> this.encryptor
				.decrypt(new EncryptedContent("AES-256-GCM", "k1", "not base64!", this.content.ciphertext())))
			.withMessage("the nonce is not Base64");
		assertThatExceptionOfType(ContentDecryptionException.class)
			.isThrownBy(() -> this.encryptor
				.decrypt(new EncryptedContent("AES-256-GCM", "k1", "AAAA", this.content.ciphertext())))
			.withMessage("the nonce is 3 bytes, not 12");
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(
				() -> this.encryptor.decrypt(new EncryptedContent("AES-256-GCM", "k1", this.content.nonce(), "AAAA")))
			.withMessage("the ciphertext is shorter than its 16-byte tag");
	}

	static String flipByte(String base64, int index) {
		byte[] bytes = Base64.getDecoder().decode(base64);
		bytes[index] ^= 0x01;
		return Base64.getEncoder().encodeToString(bytes);
	}

}
