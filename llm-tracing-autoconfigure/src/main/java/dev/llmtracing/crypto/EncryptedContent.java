package dev.llmtracing.crypto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypted content as it is written to a record: the algorithm, the id of the key, the
 * nonce and the ciphertext. Nothing here is secret.
 *
 * @param algorithm the algorithm, {@value #AES_256_GCM} for
 * {@link AesGcmContentEncryptor}
 * @param keyId the id of the key that encrypted the content
 * @param nonce the nonce, in Base64
 * @param ciphertext the ciphertext followed by the authentication tag, in Base64
 * @author llm-tracing
 * @since 0.1.0
 */
public record EncryptedContent(String algorithm, String keyId, String nonce, String ciphertext) {

	/**
	 * The algorithm of {@link AesGcmContentEncryptor}: AES with a 256-bit key in GCM mode
	 * with a 128-bit tag.
	 */
	public static final String AES_256_GCM = "AES-256-GCM";

	private static final String[] FIELDS = { "alg", "kid", "nonce", "ciphertext" };

	/**
	 * Return the fields of this content for a record, in this order: {@code alg},
	 * {@code kid}, {@code nonce}, {@code ciphertext}.
	 * @return an unmodifiable map of the fields
	 */
	public Map<String, Object> toFields() {
		Map<String, Object> fields = new LinkedHashMap<>(8);
		fields.put(FIELDS[0], this.algorithm);
		fields.put(FIELDS[1], this.keyId);
		fields.put(FIELDS[2], this.nonce);
		fields.put(FIELDS[3], this.ciphertext);
		return Collections.unmodifiableMap(fields);
	}

	/**
	 * Read content from the fields that {@link #toFields()} returns.
	 * @param fields the fields
	 * @return the encrypted content
	 * @throws ContentDecryptionException if a field is missing or not a string
	 */
	public static EncryptedContent fromFields(Map<String, ?> fields) {
		String[] values = new String[FIELDS.length];
		for (int i = 0; i < FIELDS.length; i++) {
			Object value = fields.get(FIELDS[i]);
			if (!(value instanceof String text)) {
				throw new ContentDecryptionException("malformed encrypted content: '" + FIELDS[i] + "' is "
						+ ((value != null) ? "not a string" : "missing"));
			}
			values[i] = text;
		}
		return new EncryptedContent(values[0], values[1], values[2], values[3]);
	}

}
