package dev.llmtracing.redact;

import java.util.List;

/**
 * Finds payment card numbers: 12 to 19 digits, optionally grouped by single spaces or
 * dashes, with a prefix and a length that a card scheme issues (see {@link CardSchemes}:
 * Visa, Mastercard, Maestro from 12 digits, American Express, Discover, JCB with its
 * 15-digit 1800 and 2131 numbers, UnionPay, Diners Club, RuPay, Mir, ...) and valid under
 * the Luhn checksum, so that other long numbers stay. Digits that continue an IBAN-like
 * code ({@code MN91 6221 3389 9255 8126}) are not a card. Replaced by {@code [CARD]}.
 *
 * @author llm-tracing
 */
final class CardDetector implements Detector {

	@Override
	public String name() {
		return "card";
	}

	@Override
	public boolean mightMatch(String text) {
		return Chars.hasDigit(text);
	}

	@Override
	public void find(String text, List<Finding> findings) {
		int[] digits = new int[19];
		int i = 0;
		while (i < text.length()) {
			if (!Chars.isDigit(text.charAt(i)) || !Chars.startsWord(text, i)) {
				i++;
				continue;
			}
			int count = 0;
			int end = i;
			while (end < text.length()) {
				char ch = text.charAt(end);
				if (Chars.isDigit(ch)) {
					if (count < digits.length) {
						digits[count] = ch - '0';
					}
					count++;
					end++;
				}
				else if ((ch == ' ' || ch == '-') && end + 1 < text.length() && Chars.isDigit(text.charAt(end + 1))) {
					end++;
				}
				else {
					break;
				}
			}
			if (count >= 12 && count <= 19 && Chars.endsWord(text, end) && luhn(digits, count)
					&& CardSchemes.isIssued(digits, count) && !IbanCountries.continuesIbanLikeCode(text, i)) {
				findings.add(new Finding(i, end, Placeholders.CARD));
			}
			i = end;
		}
	}

	static boolean luhn(int[] digits, int count) {
		int sum = 0;
		for (int i = 0; i < count; i++) {
			int digit = digits[count - 1 - i];
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
