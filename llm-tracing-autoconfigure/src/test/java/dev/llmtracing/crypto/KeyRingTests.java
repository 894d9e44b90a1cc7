package dev.llmtracing.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KeyRing}: which keys it accepts, and that its messages name the
 * property and the fix but never a key.
 *
 * @author llm-tracing
 */
class KeyRingTests {

	private static final String PREFIX = TestKeys.PREFIX;

	private static final String FIX = "it must be 32 bytes in Base64 (44 characters); generate one with 'openssl rand -base64 32'";

	@Test
	void shouldAcceptStandardAndUrlSafeBase64WithOrWithoutPadding() {
		byte[] bytes = new byte[32];
		bytes[0] = (byte) 0xfb;
		bytes[1] = (byte) 0xff;
		String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		assertThat(urlSafe).contains("-", "_");
		KeyRing ring = TestKeys.ring("k2", "k1", Base64.getEncoder().encodeToString(bytes), "k2", urlSafe);
		assertThat(ring.activeKeyId()).isEqualTo("k2");
		assertThat(ring.keyIds()).containsExactly("k1", "k2");
		assertThat(ring.key("k1")).isEqualTo(ring.key("k2"));
		assertThat(ring.key("k3")).isNull();
	}

	@Test
	void shouldAcceptAKeyWithSurroundingWhiteSpace() {
		String key = TestKeys.newKey();
		assertThat(TestKeys.ring("k1", "k1", key + "\n").key("k1")).isEqualTo(TestKeys.ring("k1", "k1", key).key("k1"));
	}

	@Test
	void shouldShowKeyIdsButNoKeyInToString() {
		String k1 = TestKeys.newKey();
		String k2 = TestKeys.newKey();
		KeyRing ring = TestKeys.ring("k2", "k1", k1, "k2", k2);
		assertThat(ring).hasToString("KeyRing[activeKeyId=k2, keyIds=[k1, k2]]");
	}

	@Test
	void shouldRejectAKeyThatIsNotBase64() {
		String key = "this is not a key, but a secret password!!";
		assertThatIllegalArgumentException().isThrownBy(() -> TestKeys.ring("k1", "k1", key))
			.withMessage(PREFIX + ".keys.k1 is not Base64: " + FIX)
			.withNoCause()
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(key, "secret"));
	}

	@Test
	void shouldRejectA128BitKey() {
		String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
		assertThatIllegalArgumentException().isThrownBy(() -> TestKeys.ring("k1", "k1", key))
			.withMessage(PREFIX + ".keys.k1 is not a 256-bit key: " + FIX)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(key));
	}

	@Test
	void shouldRejectAnEmptyKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestKeys.ring("k1", "k1", " "))
			.withMessage(PREFIX + ".keys.k1 is empty: " + FIX);
	}

	@Test
	void shouldRejectNoKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(PREFIX, "k1", Map.of()))
			.withMessage(PREFIX + ".keys is empty: add a key such as " + PREFIX + ".keys.k1; " + FIX);
	}

	@Test
	void shouldRejectAnActiveKeyIdThatIsNotAKeyId() {
		String key = TestKeys.newKey();
		assertThatIllegalArgumentException().isThrownBy(() -> TestKeys.ring("k2", "k1", key))
			.withMessage(PREFIX + ".active-key-id is 'k2', which is not a key id: set it to one of [k1],"
					+ " the id of the key that encrypts")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(key));
	}

	@Test
	void shouldRejectAMissingActiveKeyId() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestKeys.ring(null, "k1", TestKeys.newKey()))
			.withMessageStartingWith(PREFIX + ".active-key-id is not set: set it to one of [k1]");
	}

	@Test
	void shouldRejectAKeyIdWithOtherCharacters() {
		String key = TestKeys.newKey();
		assertThatIllegalArgumentException().isThrownBy(() -> TestKeys.ring("k 1", "k 1", key))
			.withMessage(PREFIX + ".keys has the key id 'k 1': use only letters, digits, '.', '_' and '-'")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(key));
		Map<String, String> keys = new LinkedHashMap<>();
		keys.put("", key);
		assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(PREFIX, "", keys))
			.withMessage(PREFIX + ".keys has an empty key id: use a name such as 'k1'");
	}

}
