package dev.llmtracing.tools.audit;

import java.nio.charset.StandardCharsets;

import dev.llmtracing.audit.AuditTrailFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain fields of one audit line. The fields are read with Jackson; whether the line
 * is intact is decided on its exact text, with {@link AuditTrailFormat#sealOf}, because
 * the hash covers the bytes as they are in the file.
 *
 * @param seq the {@code audit.seq} of the line
 * @param prev the {@code audit.prev} of the line
 * @param hash the {@code audit.hash} the line claims
 * @param segment the {@code audit.segment} of the line, or {@code null}
 * @param intact whether the claimed hash is the hash of the line's text
 * @author llm-tracing
 */
record AuditLine(long seq, String prev, String hash, @Nullable String segment, boolean intact) {

	// A second member of the same name could hide what the hash covers
	private static final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * Read the chain fields of a line.
	 * @param text the text of the line, without its line break
	 * @return the chain fields, or {@code null} when the line is not a complete audit
	 * line: not a JSON object, without the chain fields, or not ending with its hash
	 */
	static @Nullable AuditLine read(String text) {
		JsonNode line;
		try {
			line = json.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (line == null || !line.isObject()) {
			return null;
		}
		JsonNode seq = line.get(AuditTrailFormat.SEQ);
		String prev = hex(line.get(AuditTrailFormat.PREV));
		String hash = hex(line.get(AuditTrailFormat.HASH));
		JsonNode segment = line.get(AuditTrailFormat.SEGMENT);
		String seal = AuditTrailFormat.sealOf(text);
		if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 1 || prev == null
				|| hash == null || (segment != null && !segment.isString()) || seal == null) {
			return null;
		}
		return new AuditLine(seq.longValue(), prev, hash, (segment != null) ? segment.stringValue() : null,
				hash.equals(seal));
	}

	/**
	 * Return whether a line was cut off: it is the start of a JSON object that ends too
	 * early, as a crash in the middle of a write leaves it. Read with Jackson's
	 * non-blocking parser, which waits for more input where a blocking one would report a
	 * half token (a cut {@code tr} or {@code 12.}) as an error.
	 * @param text the text of the line, without its line break
	 * @return whether the line is an incomplete JSON object
	 */
	static boolean isCutOff(String text) {
		if (!text.startsWith("{")) {
			return false;
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		try (JsonParser parser = json.createNonBlockingByteArrayParser()) {
			((ByteArrayFeeder) parser.nonBlockingInputFeeder()).feedInput(bytes, 0, bytes.length);
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.NOT_AVAILABLE) {
					return true;
				}
				if (token == JsonToken.END_OBJECT && parser.streamReadContext().inRoot()) {
					return false;
				}
			}
			return false;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static @Nullable String hex(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String text = node.stringValue();
		if (text.length() != 64) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if ((ch < '0' || ch > '9') && (ch < 'a' || ch > 'f')) {
				return null;
			}
		}
		return text;
	}

}
