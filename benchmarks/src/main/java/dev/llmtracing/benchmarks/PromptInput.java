package dev.llmtracing.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The prompt texts masked by {@link MaskingBenchmark}: customer-support conversations of
 * about 4 KB, with and without personal data, and a 1 MB prompt.
 *
 * @author llm-tracing
 */
public enum PromptInput {

	/**
	 * An English conversation with three e-mail addresses, a phone number, a card number,
	 * an IBAN, an IP address (twice) and an API key, and an order number that is not a
	 * card number.
	 */
	SUPPORT_EN,

	/**
	 * The same conversation in German and Japanese, with the same kinds of data.
	 */
	SUPPORT_JA_DE,

	/**
	 * An English conversation of the same size with national phone numbers that only
	 * libphonenumber recognises (in one or two groups, without separators, with
	 * extensions), formatted numbers, an e-mail address, a card number, and dates,
	 * date-times, times, durations, versions, coordinates and amounts that must stay.
	 */
	SUPPORT_NATIONAL,

	/**
	 * An English conversation of the same size with nothing to mask.
	 */
	CLEAN_EN,

	/**
	 * {@link #SUPPORT_EN} repeated, in whole copies, to at least one million characters.
	 */
	SUPPORT_EN_1MB;

	private static final int ONE_MB = 1_000_000;

	/**
	 * Return the text of this input.
	 * @return the text
	 */
	public String text() {
		return switch (this) {
			case SUPPORT_EN -> load("support-en.txt");
			case SUPPORT_JA_DE -> load("support-ja-de.txt");
			case SUPPORT_NATIONAL -> load("support-national.txt");
			case CLEAN_EN -> load("clean-en.txt");
			case SUPPORT_EN_1MB -> repeat(load("support-en.txt"), ONE_MB);
		};
	}

	private static String repeat(String text, int length) {
		StringBuilder repeated = new StringBuilder(length + text.length() + 1);
		while (repeated.length() < length) {
			repeated.append(text).append('\n');
		}
		return repeated.toString();
	}

	private static String load(String name) {
		try (InputStream in = PromptInput.class.getResourceAsStream("/prompts/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing prompt resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
