package dev.llmtracing.content;

import java.util.Map;

import dev.llmtracing.redact.Redactor;

/**
 * Masks a text and caps its length. A long text is cut before masking (with a margin, so
 * that a secret across the cut is still seen whole), so a megabyte prompt is never masked
 * or copied in full.
 *
 * @author llm-tracing
 */
final class TextLimiter {

	static final String TRUNCATION_MARK = "…";

	private static final int MARGIN = 512;

	private final Redactor redactor;

	TextLimiter(Redactor redactor) {
		this.redactor = redactor;
	}

	/**
	 * Put the masked, capped text in a message part.
	 * @param part the part, such as {@code {"type": "text"}}
	 * @param key the key of the text, such as {@code content}
	 * @param text the original text
	 * @param maxChars the maximum number of characters to keep
	 * @return whether the text was truncated
	 */
	boolean put(Map<String, Object> part, String key, String text, int maxChars) {
		boolean cut = text.length() > maxChars;
		String masked = this.redactor
			.redact(cut ? text.substring(0, Math.min(text.length(), maxChars + MARGIN)) : text);
		if (masked.length() > maxChars) {
			masked = masked.substring(0, maxChars) + TRUNCATION_MARK;
			cut = true;
		}
		part.put(key, masked);
		if (cut) {
			part.put("truncated", true);
			part.put("original_length", text.length());
		}
		return cut;
	}

}
