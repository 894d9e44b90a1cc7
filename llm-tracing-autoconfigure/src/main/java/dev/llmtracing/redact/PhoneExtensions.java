package dev.llmtracing.redact;

/**
 * Finds the extension written after a phone number: an optional space, a marker
 * ({@code x}, {@code ext}, {@code ext.}, {@code extension}, {@code #} or {@code 内線}), an
 * optional space and one to six digits, as in {@code 507-588-7887x0636} or
 * {@code (555) 123-4567 ext. 12}.
 *
 * @author llm-tracing
 */
final class PhoneExtensions {

	private static final String[] MARKERS = { "extension", "ext.", "ext", "x", "#", "内線" };

	private static final int MAX_DIGITS = 6;

	private PhoneExtensions() {
	}

	static boolean startsAt(String text, int index) {
		return end(text, index) > 0;
	}

	/**
	 * Return the index after the extension that starts at the given index.
	 * @param text the text
	 * @param index the index after the digits of a phone number
	 * @return the index after the extension, or {@code -1} if there is none
	 */
	static int end(String text, int index) {
		int i = skipSpace(text, index);
		int marker = marker(text, i);
		if (marker == 0) {
			return -1;
		}
		i = skipSpace(text, i + marker);
		int digits = i;
		while (digits < text.length() && Chars.isDigit(text.charAt(digits)) && digits - i <= MAX_DIGITS) {
			digits++;
		}
		return (digits > i && digits - i <= MAX_DIGITS && Chars.endsWord(text, digits)) ? digits : -1;
	}

	private static int marker(String text, int index) {
		for (String marker : MARKERS) {
			if (text.regionMatches(true, index, marker, 0, marker.length())) {
				return marker.length();
			}
		}
		return 0;
	}

	private static int skipSpace(String text, int index) {
		return (index < text.length() && text.charAt(index) == ' ') ? index + 1 : index;
	}

}
