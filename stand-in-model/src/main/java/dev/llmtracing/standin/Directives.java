package dev.llmtracing.standin;

import java.util.Set;

/**
 * Reads directives such as {@code [delay:300]} from a message.
 *
 * @author llm-tracing
 */
final class Directives {

	private static final Set<String> FLAGS = Set.of("length", "no-usage", "malformed", "cut", "stream-error",
			"after-tool", "refuse", "empty", "random", "content-filter", "not-json");

	private Directives() {
	}

	static int number(String text, String name, int fallback) {
		String prefix = "[" + name + ":";
		int start = text.indexOf(prefix);
		if (start < 0) {
			return fallback;
		}
		int end = text.indexOf(']', start);
		if (end < 0) {
			return fallback;
		}
		try {
			return Integer.parseInt(text.substring(start + prefix.length(), end).trim());
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	static boolean has(String text, String name) {
		return text.contains("[" + name + "]");
	}

	static String strip(String text) {
		StringBuilder result = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char ch = text.charAt(i);
			int end = (ch == '[') ? text.indexOf(']', i) : -1;
			if (end > 0 && isDirective(text.substring(i + 1, end))) {
				i = end + 1;
			}
			else {
				result.append(ch);
				i++;
			}
		}
		return result.toString().trim();
	}

	private static boolean isDirective(String body) {
		return FLAGS.contains(body) || body.startsWith("delay:") || body.startsWith("error:")
				|| body.startsWith("retry-after:") || body.startsWith("chunk-delay:");
	}

}
