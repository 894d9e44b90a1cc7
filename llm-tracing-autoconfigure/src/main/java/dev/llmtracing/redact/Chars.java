package dev.llmtracing.redact;

/**
 * Character classes shared by the detectors.
 *
 * @author llm-tracing
 */
final class Chars {

	private Chars() {
	}

	static boolean isDigit(char ch) {
		return ch >= '0' && ch <= '9';
	}

	static boolean isAsciiLetter(char ch) {
		return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
	}

	static boolean isUpper(char ch) {
		return ch >= 'A' && ch <= 'Z';
	}

	static boolean isAlnum(char ch) {
		return isDigit(ch) || isAsciiLetter(ch);
	}

	static boolean isHex(char ch) {
		return isDigit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
	}

	static boolean isTokenChar(char ch) {
		return isAlnum(ch) || ch == '_' || ch == '-';
	}

	/**
	 * Return whether the character belongs to an ASCII word. Only ASCII letters and
	 * digits count: a value written right next to kana, kanji or other scripts without
	 * spaces (as Japanese and Chinese text does) must still be found.
	 */
	static boolean isWordChar(char ch) {
		return isAlnum(ch) || ch == '_';
	}

	static boolean hasDigit(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isDigit(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether the character before {@code index} ends a word, so that a match can
	 * start at {@code index}.
	 */
	static boolean startsWord(String text, int index) {
		return index == 0 || !isWordChar(text.charAt(index - 1));
	}

	/**
	 * Return whether the character at {@code index} does not continue a word, so that a
	 * match can end before it.
	 */
	static boolean endsWord(String text, int index) {
		return index >= text.length() || !isWordChar(text.charAt(index));
	}

}
