package dev.llmtracing.benchmarks.e2e.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The realistic texts of the content benchmark: a 4 KB customer-support prompt with
 * e-mail addresses, phone numbers, a card, an IBAN and a key to mask, and a 4 KB answer
 * with national phone numbers.
 *
 * @author llm-tracing
 */
final class Prompts {

	String supportPrompt() {
		return read("prompts/support-en.txt");
	}

	String supportAnswer() {
		return read("prompts/support-national.txt");
	}

	/**
	 * The prompt of {@code /ask-stages}: the question in a short template.
	 */
	static String stagedPrompt(String question) {
		return "Answer in one sentence, for a traveller.\nQuestion: " + question;
	}

	/**
	 * The answer of {@code /ask-stages}, shaped: trimmed, with its length.
	 */
	static String shape(String answer) {
		String trimmed = (answer != null) ? answer.strip() : "";
		return trimmed + " (" + trimmed.length() + " characters)";
	}

	private static String read(String name) {
		try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
