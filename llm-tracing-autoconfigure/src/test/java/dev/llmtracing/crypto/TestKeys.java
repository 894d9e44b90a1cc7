package dev.llmtracing.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random keys and key rings for tests.
 *
 * @author llm-tracing
 */
public final class TestKeys {

	static final String PREFIX = "llm.tracing.content.encryption";

	private static final SecureRandom random = new SecureRandom();

	private TestKeys() {
	}

	public static String newKey() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	public static KeyRing ring(String activeKeyId, String... idsAndKeys) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (int i = 0; i < idsAndKeys.length; i += 2) {
			keys.put(idsAndKeys[i], idsAndKeys[i + 1]);
		}
		return KeyRing.of(PREFIX, activeKeyId, keys);
	}

}
