package dev.llmtracing.cost;

/**
 * Matches model names against patterns in which {@code *} stands for any characters,
 * without regular expressions.
 *
 * @author llm-tracing
 */
final class Patterns {

	private Patterns() {
	}

	static boolean matches(String pattern, String name) {
		return matches(pattern, 0, name, 0);
	}

	private static boolean matches(String pattern, int p, String name, int n) {
		while (p < pattern.length()) {
			char ch = pattern.charAt(p);
			if (ch == '*') {
				while (p < pattern.length() && pattern.charAt(p) == '*') {
					p++;
				}
				if (p == pattern.length()) {
					return true;
				}
				for (int i = n; i <= name.length(); i++) {
					if (matches(pattern, p, name, i)) {
						return true;
					}
				}
				return false;
			}
			if (n >= name.length() || name.charAt(n) != ch) {
				return false;
			}
			p++;
			n++;
		}
		return n == name.length();
	}

}
