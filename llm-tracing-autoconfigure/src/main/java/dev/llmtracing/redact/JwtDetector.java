package dev.llmtracing.redact;

import java.util.List;

/**
 * Finds JSON Web Tokens: three base64url segments joined by dots, the first two starting
 * with {@code eyJ} (a JSON object). Replaced by {@code [JWT]}.
 *
 * @author llm-tracing
 */
final class JwtDetector implements Detector {

	@Override
	public String name() {
		return "jwt";
	}

	@Override
	public boolean mightMatch(String text) {
		return text.contains("eyJ");
	}

	@Override
	public void find(String text, List<Finding> findings) {
		int start = text.indexOf("eyJ");
		while (start >= 0) {
			int next = start + 3;
			if (start == 0 || !Chars.isTokenChar(text.charAt(start - 1))) {
				int headerEnd = segmentEnd(text, start);
				if (headerEnd - start >= 10 && dotAt(text, headerEnd) && text.startsWith("eyJ", headerEnd + 1)) {
					int payloadEnd = segmentEnd(text, headerEnd + 1);
					if (payloadEnd - headerEnd - 1 >= 10 && dotAt(text, payloadEnd)) {
						int end = segmentEnd(text, payloadEnd + 1);
						findings.add(new Finding(start, end, Placeholders.JWT));
						next = end;
					}
				}
			}
			start = text.indexOf("eyJ", next);
		}
	}

	private static boolean dotAt(String text, int index) {
		return index < text.length() && text.charAt(index) == '.';
	}

	private static int segmentEnd(String text, int from) {
		int end = from;
		while (end < text.length() && Chars.isTokenChar(text.charAt(end))) {
			end++;
		}
		return end;
	}

}
