package dev.llmtracing.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the digest of a group of texts: SHA-256 over the UTF-8 bytes of the texts in
 * order (as {@link String#getBytes(java.nio.charset.Charset)} gives them, so a lone
 * surrogate counts as {@code ?}), each followed by one NUL byte. A long text is encoded
 * in pieces of at most {@value #CHUNK_CHARS} characters, so that it is never copied
 * whole. To check a prompt against a record, compute the same over its messages.
 *
 * @author llm-tracing
 */
public final class ContentDigests {

	/**
	 * The key of the hex SHA-256 in a digest entry.
	 */
	static final String SHA256 = "sha256";

	/**
	 * Most characters encoded at once; a longer text is encoded in pieces, never split
	 * inside a surrogate pair, so that the bytes are those of the whole text.
	 */
	private static final int CHUNK_CHARS = 8192;

	private ContentDigests() {
	}

	/**
	 * Return the digest entry of a group of texts.
	 * @param texts the texts, in order
	 * @return a map with {@code sha256}, {@code chars} and {@code messages}
	 */
	static Map<String, Object> of(List<String> texts) {
		long chars = 0;
		for (String text : texts) {
			chars += text.length();
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put(SHA256, sha256(texts));
		entry.put("chars", chars);
		entry.put("messages", texts.size());
		return entry;
	}

	/**
	 * Return the digest of a group of texts, as lower-case hexadecimal.
	 * @param texts the texts, in order
	 * @return the SHA-256 digest
	 */
	public static String sha256(List<String> texts) {
		MessageDigest digest = newDigest();
		for (String text : texts) {
			int length = text.length();
			for (int start = 0; start < length;) {
				int end = Math.min(length, start + CHUNK_CHARS);
				if (end < length && Character.isHighSurrogate(text.charAt(end - 1))) {
					end--;
				}
				digest.update(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
				start = end;
			}
			digest.update((byte) 0);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Return whether a digest entry, as a record holds it, is the one of a group of
	 * texts.
	 * @param entry the digest entry of one group
	 * @param texts the texts of that group, in order
	 * @return {@code true} if the entry's {@code sha256} is the digest of the texts
	 */
	public static boolean matches(Map<?, ?> entry, List<String> texts) {
		return sha256(texts).equals(entry.get(SHA256));
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
