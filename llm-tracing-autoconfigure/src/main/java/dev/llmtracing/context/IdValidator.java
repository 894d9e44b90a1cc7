package dev.llmtracing.context;

import org.jspecify.annotations.Nullable;

/**
 * Checks that an ID is safe to log, to put in a header and to use as a baggage value: 1
 * to {@code maxLength} characters from {@code [A-Za-z0-9._:-]}.
 *
 * @author llm-tracing
 */
public final class IdValidator {

	private final int maxLength;

	/**
	 * Create a validator.
	 * @param maxLength the maximum number of characters of an ID, at least 1
	 */
	public IdValidator(int maxLength) {
		if (maxLength < 1) {
			throw new IllegalArgumentException("'maxLength' must be at least 1");
		}
		this.maxLength = maxLength;
	}

	/**
	 * Return whether the given value is a valid ID.
	 * @param value the value to check
	 * @return {@code true} if it is not empty, not too long and uses only allowed
	 * characters
	 */
	public boolean isValid(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > this.maxLength) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isAllowed(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAllowed(char ch) {
		return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
				|| ch == '_' || ch == ':' || ch == '-';
	}

}
