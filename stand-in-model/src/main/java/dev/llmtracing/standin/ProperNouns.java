package dev.llmtracing.standin;

import org.jspecify.annotations.Nullable;

/**
 * Finds the name a message is most likely about: its last run of capitalized words joined
 * by single spaces. {@code "Weather in Kyoto?"} gives {@code "Kyoto"},
 * {@code "Weather in New York, please"} gives {@code "New York"}.
 *
 * @author llm-tracing
 */
final class ProperNouns {

	private ProperNouns() {
	}

	/**
	 * Return the last run of capitalized words of a text.
	 * @param text the text
	 * @return the words, or {@code null} if no word is capitalized
	 */
	static @Nullable String last(String text) {
		String last = null;
		StringBuilder run = new StringBuilder();
		int previousEnd = -1;
		int i = 0;
		while (i < text.length()) {
			if (!isWordChar(text.charAt(i))) {
				i++;
				continue;
			}
			int end = i;
			while (end < text.length() && isWordChar(text.charAt(end))) {
				end++;
			}
			boolean joined = !run.isEmpty() && i == previousEnd + 1 && text.charAt(previousEnd) == ' ';
			if (!joined) {
				run.setLength(0);
			}
			if (Character.isUpperCase(text.charAt(i))) {
				run.append(joined ? " " : "").append(text, i, end);
				last = run.toString();
			}
			else {
				run.setLength(0);
			}
			previousEnd = end;
			i = end;
		}
		return last;
	}

	private static boolean isWordChar(char ch) {
		return Character.isLetterOrDigit(ch) || ch == '-' || ch == '\'';
	}

}
