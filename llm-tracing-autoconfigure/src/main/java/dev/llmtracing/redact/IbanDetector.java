package dev.llmtracing.redact;

import java.util.List;

/**
 * Finds IBANs: a country code, two check digits and 11 to 30 letters or digits,
 * optionally in groups separated by single spaces, of the {@link IbanCountries length of
 * its country} and valid under the ISO 13616 mod-97 check. Replaced by {@code [IBAN]}.
 *
 * @author llm-tracing
 */
final class IbanDetector implements Detector {

	private static final int MIN_LENGTH = 15;

	private static final int MAX_LENGTH = 34;

	@Override
	public String name() {
		return "iban";
	}

	@Override
	public boolean mightMatch(String text) {
		return Chars.hasDigit(text);
	}

	@Override
	public void find(String text, List<Finding> findings) {
		int[] groupEnds = new int[MAX_LENGTH];
		int i = 0;
		while (i + 3 < text.length()) {
			if (!isStart(text, i)) {
				i++;
				continue;
			}
			int groups = 0;
			int length = 0;
			int end = i;
			while (end < text.length() && length < MAX_LENGTH) {
				char ch = text.charAt(end);
				if (Chars.isDigit(ch) || Chars.isUpper(ch)) {
					length++;
					end++;
				}
				else if (ch == ' ' && end + 1 < text.length() && isIbanChar(text.charAt(end + 1))) {
					groupEnds[groups++] = end;
					end++;
				}
				else {
					break;
				}
			}
			int match = validEnd(text, i, end, groupEnds, groups);
			if (match > 0) {
				findings.add(new Finding(i, match, Placeholders.IBAN));
				i = match;
			}
			else {
				i += 2;
			}
		}
	}

	private static int validEnd(String text, int start, int end, int[] groupEnds, int groups) {
		int candidate = end;
		// Shorter ends only where the length is known, else one in 97 would pass by
		// chance
		int shortest = IbanCountries.isListed(text, start) ? 0 : groups;
		for (int group = groups; group >= shortest; group--) {
			if (Chars.endsWord(text, candidate) && valid(text, start, candidate)) {
				return candidate;
			}
			if (group > 0) {
				candidate = groupEnds[group - 1];
			}
		}
		return -1;
	}

	private static boolean isStart(String text, int i) {
		return Chars.isUpper(text.charAt(i)) && Chars.isUpper(text.charAt(i + 1)) && Chars.isDigit(text.charAt(i + 2))
				&& Chars.isDigit(text.charAt(i + 3)) && Chars.startsWord(text, i);
	}

	private static boolean isIbanChar(char ch) {
		return Chars.isDigit(ch) || Chars.isUpper(ch);
	}

	static boolean valid(String text, int start, int end) {
		int length = 0;
		int remainder = 0;
		for (int pass = 0; pass < 2; pass++) {
			for (int i = start; i < end; i++) {
				char ch = text.charAt(i);
				if (ch == ' ') {
					continue;
				}
				int position = length++;
				boolean head = position < 4;
				if ((pass == 0) == head) {
					continue;
				}
				remainder = Chars.isDigit(ch) ? (remainder * 10 + (ch - '0')) % 97
						: (remainder * 100 + (ch - 'A' + 10)) % 97;
			}
			if (pass == 0) {
				if (length < MIN_LENGTH || length > MAX_LENGTH || !IbanCountries.hasLength(text, start, length)) {
					return false;
				}
				length = 0;
			}
		}
		return remainder == 1;
	}

}
