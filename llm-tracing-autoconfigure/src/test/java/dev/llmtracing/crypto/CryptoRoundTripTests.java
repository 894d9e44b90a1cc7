package dev.llmtracing.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for encrypting and decrypting with {@link AesGcmContentEncryptor}, and for the
 * record fields of {@link EncryptedContent}.
 *
 * @author llm-tracing
 */
class CryptoRoundTripTests {

	private static final byte[] PLAINTEXT = "{\"gen_ai.input.messages\":[{\"role\":\"user\",\"content\":\"héllo\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private final AesGcmContentEncryptor encryptor = new AesGcmContentEncryptor(
			TestKeys.ring("k1", "k1", TestKeys.newKey()));

	@Test
	void shouldDecryptWhatItEncrypted() {
		EncryptedContent content = this.encryptor.encrypt(PLAINTEXT);
		assertThat(content.algorithm()).isEqualTo("AES-256-GCM");
		assertThat(content.keyId()).isEqualTo("k1");
		assertThat(Base64.getDecoder().decode(content.nonce())).hasSize(12);
		assertThat(Base64.getDecoder().decode(content.ciphertext())).hasSize(PLAINTEXT.length + 16);
		assertThat(this.encryptor.decrypt(content)).isEqualTo(PLAINTEXT);
	}

	@Test
	void shouldNotShowThePlaintextInTheCiphertext() {
		byte[] ciphertext = Base64.getDecoder().decode(this.encryptor.encrypt(PLAINTEXT).ciphertext());
		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("gen_ai", "user");
	}

	@Test
	void shouldUseAFreshNonceForEachEncryption() {
		EncryptedContent first = this.encryptor.encrypt(PLAINTEXT);
		EncryptedContent second = this.encryptor.encrypt(PLAINTEXT);
		assertThat(second.nonce()).isNotEqualTo(first.nonce());
		assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
		assertThat(this.encryptor.decrypt(second)).isEqualTo(this.encryptor.decrypt(first));
	}

	@Test
	void shouldEncryptEmptyContent() {
		assertThat(this.encryptor.decrypt(this.encryptor.encrypt(new byte[0]))).isEmpty();
	}

	@Test
	void shouldWriteFieldsInRecordOrderAndReadThemBack() {
		EncryptedContent content = new EncryptedContent("AES-256-GCM", "k1", "bm9uY2U=", "Y2lwaGVy");
		Map<String, Object> fields = content.toFields();
		assertThat(fields).containsExactly(Map.entry("alg", "AES-256-GCM"), Map.entry("kid", "k1"),
				Map.entry("nonce", "bm9uY2U="), Map.entry("ciphertext", "Y2lwaGVy"));
		assertThat(EncryptedContent.fromFields(fields)).isEqualTo(content);
	}

	@Test
	void shouldRejectFieldsWithoutNonce() {
		Map<String, Object> fields = Map.of("alg", "AES-256-GCM", "kid", "k1", "ciphertext", "Y2lwaGVy");
		assertThatExceptionOfType(ContentDecryptionException.class)
			.isThrownBy(() -> EncryptedContent.fromFields(fields))
			.withMessage("malformed encrypted content: 'nonce' is missing");
	}

}
