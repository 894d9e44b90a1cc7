package dev.llmtracing.autoconfigure.feedback;

import java.util.Set;

import dev.llmtracing.context.IdValidator;
import dev.llmtracing.feedback.Feedback;
import dev.llmtracing.feedback.InvalidFeedbackException;
import org.jspecify.annotations.Nullable;

/**
 * What feedback must be to be recorded: one ID that passes the ID validation, a name and
 * a label of safe characters (from a configured set when there is one), a value in the
 * configured range. Messages name the field and the rule, never the value, so that
 * nothing invalid is logged or echoed raw.
 *
 * @param ids validates the exchange and request IDs
 * @param minValue the smallest value accepted
 * @param maxValue the largest value accepted
 * @param names the names accepted, or empty for any name of safe characters
 * @param labels the labels accepted, or empty for any label of safe characters
 * @author llm-tracing
 */
record FeedbackRules(IdValidator ids, double minValue, double maxValue, Set<String> names, Set<String> labels) {

	/**
	 * The most characters of a name or label.
	 */
	static final int MAX_NAME_LENGTH = 64;

	/**
	 * Check feedback.
	 * @param feedback the feedback
	 * @throws InvalidFeedbackException if a field breaks a rule
	 */
	void check(Feedback feedback) {
		if (feedback.exchangeId() == null && feedback.requestId() == null) {
			throw new InvalidFeedbackException("exchangeId", "exchangeId or requestId is required");
		}
		if (feedback.exchangeId() != null && feedback.requestId() != null) {
			throw new InvalidFeedbackException("requestId", "give exchangeId or requestId, not both");
		}
		checkId("exchangeId", feedback.exchangeId());
		checkId("requestId", feedback.requestId());
		checkName("name", feedback.name(), this.names);
		if (feedback.value() == null && feedback.label() == null) {
			throw new InvalidFeedbackException("value", "value or label is required");
		}
		Double value = feedback.value();
		if (value != null && (!Double.isFinite(value) || value < this.minValue || value > this.maxValue)) {
			throw new InvalidFeedbackException("value",
					"value must be a number from " + format(this.minValue) + " to " + format(this.maxValue));
		}
		if (feedback.label() != null) {
			checkName("label", feedback.label(), this.labels);
		}
	}

	private void checkId(String field, @Nullable String id) {
		if (id != null && !this.ids.isValid(id)) {
			throw new InvalidFeedbackException(field,
					field + " must be 1 to the configured maximum of characters from A-Z a-z 0-9 . _ : -");
		}
	}

	private static void checkName(String field, @Nullable String value, Set<String> allowed) {
		if (value == null || value.isEmpty()) {
			throw new InvalidFeedbackException(field, field + " is required");
		}
		if (!allowed.isEmpty()) {
			if (!allowed.contains(value)) {
				throw new InvalidFeedbackException(field, field + " must be one of " + String.join(", ", allowed));
			}
			return;
		}
		if (value.length() > MAX_NAME_LENGTH || !isSafe(value)) {
			throw new InvalidFeedbackException(field,
					field + " must be 1 to " + MAX_NAME_LENGTH + " characters from A-Z a-z 0-9 . _ : -");
		}
	}

	private static boolean isSafe(String value) {
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			boolean safe = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
					|| ch == '_' || ch == ':' || ch == '-';
			if (!safe) {
				return false;
			}
		}
		return true;
	}

	private static String format(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: Double.toString(value);
	}

}
