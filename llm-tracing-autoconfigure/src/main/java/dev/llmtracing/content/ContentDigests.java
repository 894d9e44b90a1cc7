package dev.llmtracing.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the digest of a group of texts: SHA-256 over the UTF-8 bytes of the texts in
 * order, each followed by one NUL byte, encoded in small chunks so that a large text is
 * never copied. To check a prompt against a record, compute the same over its messages.
 *
 * @author llm-tracing
 */
public final class ContentDigests {

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
		entry.put("sha256", sha256(texts));
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
		CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
		ByteBuffer buffer = ByteBuffer.allocate(8192);
		for (String text : texts) {
			encoder.reset();
			CharBuffer in = CharBuffer.wrap(text);
			CoderResult result;
			do {
				result = encoder.encode(in, buffer, true);
				drain(buffer, digest);
			}
			while (result.isOverflow());
			while (encoder.flush(buffer).isOverflow()) {
				drain(buffer, digest);
			}
			drain(buffer, digest);
			digest.update((byte) 0);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void drain(ByteBuffer buffer, MessageDigest digest) {
		buffer.flip();
		digest.update(buffer);
		buffer.clear();
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
