package dev.llmtracing.redact;

/**
 * The placeholders that the built-in detectors of {@link PiiMasker} put in place of what
 * they find, and the one that replaces a whole text whose masking failed.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class Placeholders {

	/** Replaces an email address. */
	public static final String EMAIL = "[EMAIL]";

	/** Replaces a phone number. */
	public static final String PHONE = "[PHONE]";

	/** Replaces a payment card number. */
	public static final String CARD = "[CARD]";

	/** Replaces an IBAN. */
	public static final String IBAN = "[IBAN]";

	/** Replaces an IP address. */
	public static final String IP = "[IP]";

	/** Replaces a JSON Web Token. */
	public static final String JWT = "[JWT]";

	/** Replaces an API key, access token or bearer token. */
	public static final String SECRET = "[SECRET]";

	/** Replaces a PEM private key. */
	public static final String PRIVATE_KEY = "[PRIVATE_KEY]";

	/** Replaces a whole text when a redactor failed on it: masking fails closed. */
	public static final String REDACTION_FAILED = "[REDACTION_FAILED]";

	private Placeholders() {
	}

}
