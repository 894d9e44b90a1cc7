package dev.llmtracing.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Checks of property values, with messages that name the property and the fix.
 *
 * @author llm-tracing
 */
final class PropertyChecks {

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	private PropertyChecks() {
	}

	static void range(String property, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(property + " must be between " + min + " and " + max + " but was "
					+ value + "; set a value in range");
		}
	}

	static String notBlank(String property, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(property + " must not be empty; set a name or remove the property");
		}
		return value;
	}

	static String mdcKey(String property, @Nullable String value) {
		notBlank(property, value);
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			if (!Character.isLetterOrDigit(ch) && ch != '_' && ch != '.' && ch != '-') {
				throw new IllegalArgumentException(property + " '" + value
						+ "' is not a valid MDC key; use only letters, digits, '_', '.' and '-'");
			}
		}
		return value;
	}

	static List<Duration> buckets(String property, @Nullable List<Duration> buckets) {
		if (buckets == null || buckets.isEmpty()) {
			throw new IllegalArgumentException(
					property + " must not be empty; list bucket boundaries such as 100ms,1s,10s");
		}
		for (Duration bucket : buckets) {
			if (bucket.isNegative() || bucket.isZero()) {
				throw new IllegalArgumentException(property + " must hold positive durations but has " + bucket
						+ "; remove it or make it positive");
			}
		}
		return buckets;
	}

	static String headerName(String property, @Nullable String value) {
		notBlank(property, value);
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			boolean alphanumeric = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
			if (!alphanumeric && TOKEN_SYMBOLS.indexOf(ch) < 0) {
				throw new IllegalArgumentException(property + " '" + value
						+ "' is not a valid HTTP header name; use letters, digits and '-', for example X-Request-Id");
			}
		}
		return value;
	}

}
