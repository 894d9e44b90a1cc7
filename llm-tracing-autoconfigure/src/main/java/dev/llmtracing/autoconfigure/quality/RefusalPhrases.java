package dev.llmtracing.autoconfigure.quality;

import java.util.List;
import java.util.Locale;

/**
 * Finds a refusal in the beginning of an answer: whether one of a list of phrases occurs,
 * case-insensitively, in its first characters. Refusals come first ("I'm sorry, but I
 * can't..."), so only the beginning is read, which keeps the check cheap for long answers
 * and makes a quoted phrase deep in an answer no refusal.
 *
 * @author llm-tracing
 */
final class RefusalPhrases {

	/**
	 * The default phrases, in English and Japanese.
	 */
	static final List<String> DEFAULTS = List.of("i'm sorry, but i can't", "i'm sorry, but i cannot",
			"i am sorry, but i cannot", "i can't help with", "i cannot help with", "i can't assist with",
			"i cannot assist with", "i'm unable to help", "i am unable to help", "i won't be able to help",
			"as an ai language model", "お力になれません", "お答えできません", "お手伝いできません", "回答できません", "対応できかねます");

	private final List<String> phrases;

	private final int scanChars;

	/**
	 * Create an instance.
	 * @param phrases the phrases, matched case-insensitively
	 * @param scanChars how many characters from the start of an answer are read
	 */
	RefusalPhrases(List<String> phrases, int scanChars) {
		this.phrases = phrases.stream()
			.filter((phrase) -> !phrase.isBlank())
			.map((phrase) -> normalize(phrase.strip()))
			.toList();
		this.scanChars = scanChars;
	}

	/**
	 * Return whether an answer begins with a refusal.
	 * @param answer the text of the answer
	 * @return whether a phrase occurs in its first characters
	 */
	boolean isRefusal(String answer) {
		if (answer.isEmpty() || this.phrases.isEmpty()) {
			return false;
		}
		String start = normalize((answer.length() > this.scanChars) ? answer.substring(0, this.scanChars) : answer);
		for (String phrase : this.phrases) {
			if (start.contains(phrase)) {
				return true;
			}
		}
		return false;
	}

	private static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
	}

}
