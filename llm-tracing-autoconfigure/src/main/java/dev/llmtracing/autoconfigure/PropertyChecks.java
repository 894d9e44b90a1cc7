package dev.llmtracing.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;

/**
 * Checks of property values for llm-tracing's own {@code @ConfigurationProperties}
 * classes, which validate themselves as Spring
 * {@link org.springframework.validation.Validator validators}: Spring Boot reports a
 * rejected value at start-up with the property, its origin and the message, which names
 * the fix. Not an API for applications.
 *
 * @author llm-tracing
 */
public final class PropertyChecks {

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	private final Errors errors;

	private final String prefix;

	private PropertyChecks(Errors errors, String prefix) {
		this.errors = errors;
		this.prefix = prefix;
	}

	/**
	 * Return checks that reject values into the given errors.
	 * @param errors the errors of the properties object being validated
	 * @param prefix the prefix of the properties object, such as {@code llm.tracing}
	 * @return the checks
	 */
	public static PropertyChecks of(Errors errors, String prefix) {
		return new PropertyChecks(errors, prefix);
	}

	/**
	 * Reject an integer outside a range.
	 * @param field the bean path of the field, such as {@code ids.maxLength}
	 * @param property the property name relative to the prefix, such as
	 * {@code ids.max-length}
	 * @param value the value
	 * @param min the smallest allowed value
	 * @param max the largest allowed value
	 */
	public void range(String field, String property, int value, int min, int max) {
		if (value < min || value > max) {
			reject(field, property + " must be between " + min + " and " + max + " but was " + value
					+ "; set a value in range");
		}
	}

	/**
	 * Reject a blank text.
	 * @param field the bean path of the field
	 * @param property the property name relative to the prefix
	 * @param value the value
	 * @return whether the value is not blank
	 */
	public boolean notBlank(String field, String property, @Nullable String value) {
		if (value == null || value.isBlank()) {
			reject(field, property + " must not be empty; set a name or remove the property");
			return false;
		}
		return true;
	}

	/**
	 * Reject a text that is not a valid MDC key.
	 * @param field the bean path of the field
	 * @param property the property name relative to the prefix
	 * @param value the value
	 */
	public void mdcKey(String field, String property, @Nullable String value) {
		if (!notBlank(field, property, value)) {
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			if (!Character.isLetterOrDigit(ch) && ch != '_' && ch != '.' && ch != '-') {
				reject(field, property + " '" + value
						+ "' is not a valid MDC key; use only letters, digits, '_', '.' and '-'");
				return;
			}
		}
	}

	/**
	 * Reject a text that is not a valid HTTP header name.
	 * @param field the bean path of the field
	 * @param property the property name relative to the prefix
	 * @param value the value
	 */
	public void headerName(String field, String property, @Nullable String value) {
		if (!notBlank(field, property, value)) {
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			boolean alphanumeric = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
			if (!alphanumeric && TOKEN_SYMBOLS.indexOf(ch) < 0) {
				reject(field, property + " '" + value
						+ "' is not a valid HTTP header name; use letters, digits and '-', for example X-Request-Id");
				return;
			}
		}
	}

	/**
	 * Reject a text that is not a valid ASCII gRPC metadata key.
	 * @param field the bean path of the field
	 * @param property the property name relative to the prefix
	 * @param value the value
	 */
	public void metadataKey(String field, String property, @Nullable String value) {
		if (!notBlank(field, property, value)) {
			return;
		}
		if (value.endsWith("-bin") || value.startsWith("grpc-")) {
			reject(field, property + " '" + value
					+ "' is reserved (binary '-bin' and 'grpc-' keys); use a text key such as x-request-id");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.')) {
				reject(field, property + " '" + value
						+ "' is not a valid gRPC metadata key; use lowercase letters, digits, '-', '_' and '.'");
				return;
			}
		}
	}

	/**
	 * Reject an empty list of bucket boundaries, or one with a boundary that is not
	 * positive.
	 * @param field the bean path of the field
	 * @param property the property name relative to the prefix
	 * @param buckets the bucket boundaries
	 */
	public void buckets(String field, String property, @Nullable List<Duration> buckets) {
		if (buckets == null || buckets.isEmpty()) {
			reject(field, property + " must not be empty; list bucket boundaries such as 100ms,1s,10s");
			return;
		}
		for (Duration bucket : buckets) {
			if (bucket.isNegative() || bucket.isZero()) {
				reject(field, property + " must hold positive durations but has " + bucket
						+ "; remove it or make it positive");
				return;
			}
		}
	}

	/**
	 * Reject a negative duration.
	 * @param field the bean path of the field
	 * @param property the property name relative to the prefix
	 * @param value the value
	 * @param example an example of a valid value
	 */
	public void notNegative(String field, String property, Duration value, String example) {
		if (value.isNegative()) {
			reject(field, property + " must not be negative; set a duration such as " + example);
		}
	}

	/**
	 * Reject a size under 1KB.
	 * @param field the bean path of the field
	 * @param property the property name relative to the prefix
	 * @param value the value
	 * @param example an example of a valid value
	 */
	public void atLeastOneKilobyte(String field, String property, DataSize value, String example) {
		if (value.toBytes() < 1024) {
			reject(field, property + " must be at least 1KB; set a size such as " + example);
		}
	}

	/**
	 * Reject a value with a message.
	 * @param field the bean path of the field
	 * @param message the message, starting with the property name relative to the prefix
	 */
	public void reject(String field, String message) {
		this.errors.rejectValue(field, "invalid", this.prefix + "." + message);
	}

}
