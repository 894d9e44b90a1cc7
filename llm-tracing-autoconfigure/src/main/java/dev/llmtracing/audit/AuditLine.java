package dev.llmtracing.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The chain fields of one audit line as the writer reads its own last line back, in the
 * {@link AuditTrailFormat format} it writes: with string operations at the fixed place of
 * the fields, because the hash covers the exact bytes and the writer must not depend on a
 * JSON library. The verifier of {@code llm-tracing-tools} reads the fields with Jackson
 * and checks the hash with {@link AuditTrailFormat#sealOf}.
 *
 * @param seq the {@code audit.seq} of the line
 * @param prev the {@code audit.prev} of the line
 * @param hash the {@code audit.hash} the line claims
 * @param segment the {@code audit.segment} of the line, or {@code null}
 * @param intact whether the claimed hash is the hash of the line's text
 * @author llm-tracing
 */
record AuditLine(long seq, String prev, String hash, @Nullable String segment, boolean intact) {

	private static final String SEGMENT_FIELD = ",\"" + AuditTrailFormat.SEGMENT + "\":\"";

	private static final String SEQ_FIELD = ",\"" + AuditTrailFormat.SEQ + "\":";

	private static final String PREV_FIELD = ",\"" + AuditTrailFormat.PREV + "\":\"";

	private static final String HASH_FIELD = AuditTrailFormat.HASH_MEMBER;

	/**
	 * Seal the text of a line: append its hash.
	 * @param body the line without its hash, {@code {...,"audit.prev":"<hex>"}}
	 * @return the complete line
	 */
	static String seal(String body) {
		return body.substring(0, body.length() - 1) + HASH_FIELD + hash(body) + "\"}";
	}

	/**
	 * Read the chain fields of a line.
	 * @param line the text of the line, without its line break
	 * @return the chain fields, or {@code null} when the line is not a complete audit
	 * line
	 */
	static @Nullable AuditLine parse(String line) {
		int hashAt = line.length() - HASH_FIELD.length() - 66;
		int prevAt = hashAt - PREV_FIELD.length() - 65;
		if (prevAt < 1 || line.charAt(0) != '{' || !line.endsWith("\"}") || !line.startsWith(HASH_FIELD, hashAt)
				|| !line.startsWith(PREV_FIELD, prevAt) || line.charAt(hashAt - 1) != '"') {
			return null;
		}
		String hash = line.substring(hashAt + HASH_FIELD.length(), line.length() - 2);
		String prev = line.substring(prevAt + PREV_FIELD.length(), hashAt - 1);
		int seqAt = line.lastIndexOf(SEQ_FIELD, prevAt);
		long seq = (seqAt > 0) ? number(line, seqAt + SEQ_FIELD.length(), prevAt) : -1;
		if (!isHex(hash) || !isHex(prev) || seq < 1) {
			return null;
		}
		return new AuditLine(seq, prev, hash, segment(line, seqAt), hash.equals(AuditTrailFormat.sealOf(line)));
	}

	/**
	 * Return the SHA-256 of a text.
	 * @param text the text
	 * @return the hash of its UTF-8 bytes, as 64 lower-case hex digits
	 */
	static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static @Nullable String segment(String line, int seqAt) {
		if (line.charAt(seqAt - 1) != '"') {
			return null;
		}
		int valueAt = line.lastIndexOf(SEGMENT_FIELD, seqAt) + SEGMENT_FIELD.length();
		if (valueAt < SEGMENT_FIELD.length() || valueAt > seqAt - 1) {
			return null;
		}
		// Only the field right before audit.seq has a value without a quote up to there
		String value = line.substring(valueAt, seqAt - 1);
		return (value.indexOf('"') < 0 && value.indexOf('\\') < 0) ? value : null;
	}

	private static long number(String line, int start, int end) {
		if (end <= start || end - start > 18 || line.charAt(start) == '0') {
			return -1;
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			char ch = line.charAt(i);
			if (ch < '0' || ch > '9') {
				return -1;
			}
			value = value * 10 + (ch - '0');
		}
		return value;
	}

	private static boolean isHex(String text) {
		if (text.length() != 64) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if ((ch < '0' || ch > '9') && (ch < 'a' || ch > 'f')) {
				return false;
			}
		}
		return true;
	}

}
