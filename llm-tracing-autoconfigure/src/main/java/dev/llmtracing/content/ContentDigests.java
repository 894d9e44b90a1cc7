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
 * order, each followed by one NUL byte. A short text is encoded at once; a long one in
 * chunks, so that it is never copied whole. To check a prompt against a record, compute
 * the same over its messages.
 *
 * @author llm-tracing
 */
public final class ContentDigests {

	/**
	 * Texts up to this length are encoded in one piece: their bytes are fewer than a
	 * chunk buffer and an encoder would take.
	 */
	private static final int SMALL_TEXT_CHARS = 2048;

	private static final int CHUNK_BYTES = 8192;

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
		CharsetEncoder encoder = null;
		ByteBuffer buffer = null;
		for (String text : texts) {
			if (text.length() <= SMALL_TEXT_CHARS) {
				digest.update(text.getBytes(StandardCharsets.UTF_8));
			}
			else {
				encoder = (encoder != null) ? encoder : StandardCharsets.UTF_8.newEncoder();
				buffer = (buffer != null) ? buffer : ByteBuffer.allocate(CHUNK_BYTES);
				update(digest, text, encoder, buffer);
			}
			digest.update((byte) 0);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void update(MessageDigest digest, String text, CharsetEncoder encoder, ByteBuffer buffer) {
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
