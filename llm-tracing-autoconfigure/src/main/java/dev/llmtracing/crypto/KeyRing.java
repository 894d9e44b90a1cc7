package dev.llmtracing.crypto;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The 256-bit AES keys of {@link AesGcmContentEncryptor}, by key id, and the id of the
 * one that encrypts. Keys that are no longer active stay in the ring to decrypt older
 * records. Neither {@link #toString()} nor any message of this class shows a key.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class KeyRing {

	private static final String GENERATE = "it must be 32 bytes in Base64 (44 characters); generate one with 'openssl rand -base64 32'";

	private final String activeKeyId;

	private final Map<String, SecretKey> keys;

	private KeyRing(String activeKeyId, Map<String, SecretKey> keys) {
		this.activeKeyId = activeKeyId;
		this.keys = Collections.unmodifiableMap(keys);
	}

	/**
	 * Create a key ring from configuration properties.
	 * @param prefix the prefix of the properties, named in messages as
	 * {@code <prefix>.active-key-id} and {@code <prefix>.keys.<keyId>}
	 * @param activeKeyId the id of the key that encrypts
	 * @param keys the keys by key id, each 32 bytes in standard or URL-safe Base64
	 * @return the key ring
	 * @throws IllegalArgumentException if a key id or a key is not valid, or the active
	 * key id is not one of the key ids
	 */
	public static KeyRing of(String prefix, @Nullable String activeKeyId, Map<String, String> keys) {
		return of(new Names(prefix + ".active-key-id", prefix + ".keys", (id) -> prefix + ".keys." + id), activeKeyId,
				keys);
	}

	/**
	 * Create a key ring from keys that come from elsewhere, such as command-line
	 * arguments, with messages that name them as the caller says.
	 * @param names how messages name the active key id and the keys
	 * @param activeKeyId the id of the key that encrypts
	 * @param keys the keys by key id, each 32 bytes in standard or URL-safe Base64
	 * @return the key ring
	 * @throws IllegalArgumentException if a key id or a key is not valid, or the active
	 * key id is not one of the key ids
	 * @since 0.1.0
	 */
	public static KeyRing of(Names names, @Nullable String activeKeyId, Map<String, String> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException(
					names.keys() + " is empty: add a key such as " + names.key().apply("k1") + "; " + GENERATE);
		}
		Map<String, SecretKey> secretKeys = new LinkedHashMap<>();
		keys.forEach((id, value) -> secretKeys.put(checkKeyId(names, id), key(names.key().apply(id), value)));
		SecretKey activeKey = (activeKeyId != null) ? secretKeys.get(activeKeyId) : null;
		if (activeKeyId == null || activeKey == null) {
			String actual = (activeKeyId != null) ? "is '" + activeKeyId + "', which is not a key id" : "is not set";
			throw new IllegalArgumentException(names.activeKeyId() + " " + actual + ": set it to one of "
					+ secretKeys.keySet() + ", the id of the key that encrypts");
		}
		return new KeyRing(activeKeyId, secretKeys);
	}

	private static String checkKeyId(Names names, String id) {
		if (id.isEmpty()) {
			throw new IllegalArgumentException(names.keys() + " has an empty key id: use a name such as 'k1'");
		}
		if (!isKeyId(id)) {
			throw new IllegalArgumentException(
					names.keys() + " has the key id '" + id + "': use only letters, digits, '.', '_' and '-'");
		}
		return id;
	}

	/**
	 * Return whether a text is a valid key id: not empty, and only letters, digits,
	 * {@code .}, {@code _} and {@code -}.
	 * @param id the text
	 * @return whether it is a valid key id
	 * @since 0.1.0
	 */
	public static boolean isKeyId(String id) {
		for (int i = 0; i < id.length(); i++) {
			char ch = id.charAt(i);
			if (!(ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '.' || ch == '_'
					|| ch == '-')) {
				return false;
			}
		}
		return !id.isEmpty();
	}

	private static SecretKey key(String name, @Nullable String value) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty()) {
			throw new IllegalArgumentException(name + " is empty: " + GENERATE);
		}
		boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
		byte[] bytes;
		try {
			bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
		}
		catch (IllegalArgumentException ex) {
			// Not chained: the cause's message quotes a character of the key
			throw new IllegalArgumentException(name + " is not Base64: " + GENERATE);
		}
		if (bytes.length != 32) {
			throw new IllegalArgumentException(name + " is not a 256-bit key: " + GENERATE);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/**
	 * Return the id of the key that encrypts.
	 * @return the active key id
	 */
	public String activeKeyId() {
		return this.activeKeyId;
	}

	/**
	 * Return the ids of all keys, in the order they were given.
	 * @return the key ids
	 */
	public Set<String> keyIds() {
		return this.keys.keySet();
	}

	SecretKey activeKey() {
		// of() checked that the active key id is one of the key ids
		return Objects.requireNonNull(this.keys.get(this.activeKeyId));
	}

	@Nullable SecretKey key(String keyId) {
		return this.keys.get(keyId);
	}

	@Override
	public String toString() {
		return "KeyRing[activeKeyId=" + this.activeKeyId + ", keyIds=" + this.keys.keySet() + "]";
	}

	/**
	 * How messages name where the active key id and the keys come from.
	 *
	 * @param activeKeyId the name of the active key id
	 * @param keys the name of the keys as a whole
	 * @param key the name of one key, given its id
	 * @since 0.1.0
	 */
	public record Names(String activeKeyId, String keys, Function<String, String> key) {

	}

}
