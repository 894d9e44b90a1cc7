package dev.llmtracing.crypto;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that {@link AesGcmContentEncryptor} keeps older records readable when the active
 * key changes.
 *
 * @author llm-tracing
 */
class CryptoKeyRotationTests {

	private static final byte[] OLD = "{\"old\":1}".getBytes(StandardCharsets.UTF_8);

	private static final byte[] NEW = "{\"new\":2}".getBytes(StandardCharsets.UTF_8);

	private final String k1 = TestKeys.newKey();

	private final String k2 = TestKeys.newKey();

	@Test
	void shouldDecryptOldRecordsAndEncryptNewOnesWithTheNewKey() {
		EncryptedContent old = new AesGcmContentEncryptor(TestKeys.ring("k1", "k1", this.k1)).encrypt(OLD);
		AesGcmContentEncryptor rotated = new AesGcmContentEncryptor(TestKeys.ring("k2", "k1", this.k1, "k2", this.k2));
		EncryptedContent fresh = rotated.encrypt(NEW);
		assertThat(old.keyId()).isEqualTo("k1");
		assertThat(fresh.keyId()).isEqualTo("k2");
		assertThat(rotated.decrypt(old)).isEqualTo(OLD);
		assertThat(rotated.decrypt(fresh)).isEqualTo(NEW);
	}

	@Test
	void shouldEncryptNewRecordsOnlyWithTheNewKey() {
		AesGcmContentEncryptor rotated = new AesGcmContentEncryptor(TestKeys.ring("k2", "k1", this.k1, "k2", this.k2));
		EncryptedContent fresh = rotated.encrypt(NEW);
		AesGcmContentEncryptor onlyNewKey = new AesGcmContentEncryptor(TestKeys.ring("k2", "k2", this.k2));
		assertThat(onlyNewKey.decrypt(fresh)).isEqualTo(NEW);
	}

	@Test
	void shouldReportUnknownKeyIdWhenTheOldKeyWasRemoved() {
		EncryptedContent old = new AesGcmContentEncryptor(TestKeys.ring("k1", "k1", this.k1)).encrypt(OLD);
		AesGcmContentEncryptor withoutK1 = new AesGcmContentEncryptor(TestKeys.ring("k2", "k2", this.k2));
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(() -> withoutK1.decrypt(old))
			.withMessage("unknown key id 'k1', known: [k2]");
	}

}
