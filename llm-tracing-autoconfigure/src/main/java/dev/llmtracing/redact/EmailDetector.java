package dev.llmtracing.redact;

import java.util.List;

/**
 * Finds e-mail addresses: a local part, {@code @}, and a domain with at least one dot and
 * a top-level domain of two or more letters. Replaced by {@code [EMAIL]}.
 *
 * @author llm-tracing
 */
final class EmailDetector implements Detector {

	@Override
	public String name() {
		return "email";
	}

	@Override
	public boolean mightMatch(String text) {
		return text.indexOf('@') >= 0;
	}

	@Override
	public void find(String text, List<Finding> findings) {
		int at = text.indexOf('@');
		while (at >= 0) {
			int start = at;
			while (start > 0 && isLocal(text.charAt(start - 1))) {
				start--;
			}
			while (start < at && text.charAt(start) == '.') {
				start++;
			}
			int end = at + 1;
			int lastDot = -1;
			while (end < text.length() && isDomain(text.charAt(end))) {
				if (text.charAt(end) == '.' && end + 1 < text.length() && isDomain(text.charAt(end + 1))) {
					lastDot = end;
				}
				end++;
			}
			while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
				end--;
			}
			int next = at + 1;
			if (start < at && hasTopLevelDomain(text, at + 1, lastDot, end)) {
				findings.add(new Finding(start, end, Placeholders.EMAIL));
				next = end;
			}
			at = text.indexOf('@', next);
		}
	}

	private static boolean hasTopLevelDomain(String text, int domainStart, int dot, int end) {
		if (dot <= domainStart || dot >= end || end - dot - 1 < 2) {
			return false;
		}
		for (int i = dot + 1; i < end; i++) {
			if (!Chars.isAsciiLetter(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isLocal(char ch) {
		return Chars.isAlnum(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-';
	}

	private static boolean isDomain(char ch) {
		return Chars.isAlnum(ch) || ch == '.' || ch == '-';
	}

}
