package dev.llmtracing.redact;

import java.util.List;

/**
 * The phone detector of llm-tracing before libphonenumber (commit f3592d4), kept as the
 * baseline of the masking benchmarks. Finds phone numbers in international
 * ({@code +81 3-1234-5678}, {@code +1 (555)
 * 123-4567}) and common national formats ({@code (555) 123-4567}, {@code 555-123-4567},
 * {@code 03-1234-5678}, {@code 020 7946 0958}): 8 to 15 digits after a {@code +}, or 9 to
 * 12 digits in at least three groups separated by spaces, dashes, dots or parentheses.
 * Plain digit runs, dates and numbers glued to words or codes ({@code INV-2024-000123})
 * are left alone. Replaced by {@code [PHONE]}.
 *
 * @author llm-tracing
 */
final class MainPhoneDetector implements Detector {

	@Override
	public String name() {
		return "phone";
	}

	@Override
	public boolean mightMatch(String text) {
		return Chars.hasDigit(text);
	}

	@Override
	public void find(String text, List<Finding> findings) {
		int i = 0;
		while (i < text.length()) {
			if (!canStart(text, i)) {
				i++;
				continue;
			}
			boolean plus = text.charAt(i) == '+';
			int end = plus ? i + 1 : i;
			int digits = 0;
			int groups = 0;
			boolean opened = false;
			while (end < text.length()) {
				boolean digit = Chars.isDigit(text.charAt(end));
				opened |= text.charAt(end) == '(';
				if (!digit && !continuesWithSeparator(text, i, end)) {
					break;
				}
				if (digit && (end == i || !Chars.isDigit(text.charAt(end - 1)))) {
					groups++;
				}
				digits += digit ? 1 : 0;
				end++;
			}
			while (end > i && !Chars.isDigit(text.charAt(end - 1)) && !(opened && text.charAt(end - 1) == ')')) {
				end--;
			}
			if (Chars.endsWord(text, end) && isPhone(text, i, end, plus, digits, groups)) {
				findings.add(new Finding(i, end, Placeholders.PHONE));
			}
			i = Math.max(end, i + 1);
		}
	}

	private static boolean isPhone(String text, int start, int end, boolean plus, int digits, int groups) {
		if (plus) {
			return digits >= 8 && digits <= 15;
		}
		return digits >= 9 && digits <= 12 && groups >= 3 && !isDate(text, start, end);
	}

	private static boolean isDate(String text, int start, int end) {
		return end - start == 10 && !Chars.isDigit(text.charAt(start + 4)) && !Chars.isDigit(text.charAt(start + 7));
	}

	private static boolean canStart(String text, int i) {
		char ch = text.charAt(i);
		boolean opener = (ch == '+' || ch == '(') && i + 1 < text.length() && Chars.isDigit(text.charAt(i + 1));
		if (!opener && !Chars.isDigit(ch)) {
			return false;
		}
		if (i == 0) {
			return true;
		}
		char before = text.charAt(i - 1);
		if (ch == '+') {
			return !Chars.isWordChar(before);
		}
		return !Chars.isWordChar(before) && before != '-' && before != '/' && before != '.' && before != ':'
				&& before != '+' && before != '#' && before != '$';
	}

	private static boolean continuesWithSeparator(String text, int start, int index) {
		char ch = text.charAt(index);
		return isSeparator(ch) && index + 1 < text.length()
				&& (Chars.isDigit(text.charAt(index + 1)) || isSeparator(text.charAt(index + 1)))
				&& (index == start || text.charAt(index - 1) != ch);
	}

	private static boolean isSeparator(char ch) {
		return ch == ' ' || ch == '-' || ch == '.' || ch == '(' || ch == ')';
	}

}
