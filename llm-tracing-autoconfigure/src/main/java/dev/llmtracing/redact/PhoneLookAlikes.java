package dev.llmtracing.redact;

/**
 * Numbers that look like phone numbers but are not, told apart by their shape and their
 * neighbours. A span of digit groups is not a phone number when it is:
 * <ul>
 * <li>a date: year, month and day joined by the same {@code - / .} ({@code 1991-09-21},
 * {@code 21.09.1991}, {@code 09/21/91}) with a plausible month and day;</li>
 * <li>the hour of a time: a group followed by {@code :} and a digit
 * ({@code 04:50:23});</li>
 * <li>a version or build number: groups joined by dots, one of them a single digit
 * ({@code 10.0.19045.3803});</li>
 * <li>a decimal, a coordinate or a dotted amount: two groups joined by a dot
 * ({@code 35.6895}), two such decimals ({@code 48.8566 2.3522}), groups of three after
 * the first ({@code 1.234.567}), or a number followed by a decimal part
 * ({@code 12 345 678,90});</li>
 * <li>an amount or a share: next to a currency sign, {@code 円}, an ISO currency code or
 * {@code %};</li>
 * <li>shaped like an IPv4 address (four dotted groups of up to three digits, in range or
 * not), a ZIP+4 code ({@code 94105-1234}), or the tail of an IBAN-like code
 * ({@code NL76 YKSJ 6520 7655 97}, whose check failed).</li>
 * </ul>
 * Dot rules do not apply to numbers starting with {@code +}, whose country code can be a
 * single digit.
 *
 * @author llm-tracing
 */
final class PhoneLookAlikes {

	private static final String[] CURRENCY_CODES = { "EUR", "USD", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "INR" };

	private PhoneLookAlikes() {
	}

	static boolean isFollowedByTime(String text, int end) {
		return end + 1 < text.length() && text.charAt(end) == ':' && Chars.isDigit(text.charAt(end + 1));
	}

	static boolean isDate(String text, int[] starts, int[] ends, int group) {
		char separator = separator(text, ends, starts, group);
		if ((separator != '-' && separator != '/' && separator != '.')
				|| separator(text, ends, starts, group + 1) != separator) {
			return false;
		}
		int a = ends[group] - starts[group];
		int b = ends[group + 1] - starts[group + 1];
		int c = ends[group + 2] - starts[group + 2];
		int first = value(text, starts[group], ends[group]);
		int second = value(text, starts[group + 1], ends[group + 1]);
		int third = value(text, starts[group + 2], ends[group + 2]);
		if (a == 4 && b <= 2 && c <= 2) {
			return first >= 1800 && first <= 2199 && isMonth(second) && isDay(third);
		}
		if (a <= 2 && b <= 2 && (c == 4 || c == 2)) {
			return isDay(first) && isDay(second) && (isMonth(first) || isMonth(second));
		}
		return false;
	}

	static boolean isLookAlike(String text, int start, int end, int[] starts, int[] ends, int first, int last) {
		int groups = last - first + 1;
		if (text.charAt(start) != '+' && isDotted(text, starts, ends, first, last)) {
			return true;
		}
		if (groups == 4 && separator(text, ends, starts, first) == '.'
				&& separator(text, ends, starts, first + 1) == ' ' && separator(text, ends, starts, first + 2) == '.') {
			return true;
		}
		if (groups == 2 && separator(text, ends, starts, first) == '-' && ends[first] - starts[first] == 5
				&& ends[last] - starts[last] == 4) {
			return true;
		}
		return hasDecimalPart(text, end) || isAmountOrShare(text, start, end)
				|| IbanCountries.continuesIbanLikeCode(text, start);
	}

	private static boolean isDotted(String text, int[] starts, int[] ends, int first, int last) {
		if (first == last) {
			return false;
		}
		boolean oneDigit = false;
		boolean threes = ends[first] - starts[first] <= 3;
		boolean octets = true;
		for (int group = first; group <= last; group++) {
			if (group < last && separator(text, ends, starts, group) != '.') {
				return false;
			}
			int length = ends[group] - starts[group];
			oneDigit |= length == 1;
			threes &= group == first || length == 3;
			octets &= length <= 3;
		}
		return oneDigit || threes || last - first == 1 || (last - first == 3 && octets);
	}

	private static boolean hasDecimalPart(String text, int end) {
		return end + 1 < text.length() && (text.charAt(end) == ',' || text.charAt(end) == '.')
				&& Chars.isDigit(text.charAt(end + 1));
	}

	private static boolean isAmountOrShare(String text, int start, int end) {
		int before = start - 1;
		if (before >= 0 && isSpace(text.charAt(before))) {
			before--;
		}
		if (before >= 0 && (isCurrency(text.charAt(before)) || endsWithCurrencyCode(text, before + 1))) {
			return true;
		}
		int after = end;
		if (after < text.length() && isSpace(text.charAt(after))) {
			after++;
		}
		return after < text.length() && (isCurrency(text.charAt(after)) || text.charAt(after) == '%'
				|| text.charAt(after) == '円' || startsWithCurrencyCode(text, after));
	}

	private static boolean endsWithCurrencyCode(String text, int end) {
		for (String code : CURRENCY_CODES) {
			if (end >= 3 && text.startsWith(code, end - 3)) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithCurrencyCode(String text, int start) {
		for (String code : CURRENCY_CODES) {
			if (text.startsWith(code, start)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCurrency(char ch) {
		return Character.getType(ch) == Character.CURRENCY_SYMBOL;
	}

	private static boolean isSpace(char ch) {
		return ch == ' ' || ch == '\u00A0';
	}

	/**
	 * Return the separator between a group and the next one, or {@code 0} if they are
	 * joined by more than one character.
	 */
	private static char separator(String text, int[] ends, int[] starts, int group) {
		return (starts[group + 1] - ends[group] == 1) ? text.charAt(ends[group]) : 0;
	}

	private static int value(String text, int start, int end) {
		int value = 0;
		for (int i = start; i < end && i < start + 5; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static boolean isMonth(int value) {
		return value >= 1 && value <= 12;
	}

	private static boolean isDay(int value) {
		return value >= 1 && value <= 31;
	}

}
