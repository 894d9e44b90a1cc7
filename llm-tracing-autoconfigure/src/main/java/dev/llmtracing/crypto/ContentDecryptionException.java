package dev.llmtracing.crypto;

/**
 * Thrown when encrypted content cannot be decrypted: its key id is unknown, the key is
 * wrong, or the content was changed or is malformed. The message never contains a key.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public class ContentDecryptionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param message why the content cannot be decrypted
	 */
	public ContentDecryptionException(String message) {
		super(message);
	}

	/**
	 * Create a new exception.
	 * @param message why the content cannot be decrypted
	 * @param cause the underlying failure
	 */
	public ContentDecryptionException(String message, Throwable cause) {
		super(message, cause);
	}

}
