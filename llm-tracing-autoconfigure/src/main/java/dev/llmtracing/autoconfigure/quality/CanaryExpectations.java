package dev.llmtracing.autoconfigure.quality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the answer to a {@link Canary} must be: each text of {@code contains} occurs in
 * it, none of {@code notContains} does, it matches {@code regex} (found anywhere in the
 * answer), it is JSON valid against {@code jsonSchema}, and its SHA-256 digest is
 * {@code digest}. A missing expectation is not checked.
 *
 * @param contains texts the answer must contain, case-sensitively
 * @param notContains texts the answer must not contain, case-insensitively
 * @param regex a pattern the answer must match somewhere, or {@code null}
 * @param jsonSchema the JSON Schema of the answer, or {@code null}
 * @param digest the lower-case hexadecimal SHA-256 digest of the answer's UTF-8 bytes, or
 * {@code null}
 * @author llm-tracing
 */
record CanaryExpectations(List<String> contains, List<String> notContains, @Nullable Pattern regex,
		@Nullable JsonSchemaCheck jsonSchema, @Nullable String digest) {

	CanaryExpectations {
		contains = List.copyOf(contains);
		notContains = List.copyOf(notContains);
	}

	/**
	 * Return how an answer fails the expectations.
	 * @param answer the text of the answer, empty when there was none
	 * @return one line per failed expectation, empty when the answer passes
	 */
	List<String> failures(String answer) {
		List<String> failures = new ArrayList<>();
		for (String text : this.contains) {
			if (!answer.contains(text)) {
				failures.add("contains: the answer does not contain '" + text + "'");
			}
		}
		String lower = answer.toLowerCase(Locale.ROOT);
		for (String text : this.notContains) {
			if (lower.contains(text.toLowerCase(Locale.ROOT))) {
				failures.add("not-contains: the answer contains '" + text + "'");
			}
		}
		if (this.regex != null && !this.regex.matcher(answer).find()) {
			failures.add("regex: the answer does not match " + this.regex.pattern());
		}
		if (this.jsonSchema != null) {
			failures.addAll(this.jsonSchema.failures(answer));
		}
		if (this.digest != null) {
			String actual = sha256(answer);
			if (!this.digest.equalsIgnoreCase(actual)) {
				failures.add("digest: the answer's digest is " + actual);
			}
		}
		return failures;
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
