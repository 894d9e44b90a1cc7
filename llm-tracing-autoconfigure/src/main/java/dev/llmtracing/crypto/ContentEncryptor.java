package dev.llmtracing.crypto;

/**
 * Encrypts captured content before it is written to a record, and decrypts it again.
 * Provide a bean of this type to keep keys in a KMS or a vault instead of the application
 * properties.
 *
 * @author llm-tracing
 * @since 0.1.0
 * @see AesGcmContentEncryptor
 */
public interface ContentEncryptor {

	/**
	 * Encrypt content.
	 * @param plaintext the content to encrypt
	 * @return the encrypted content, with what is needed to decrypt it except the key
	 */
	EncryptedContent encrypt(byte[] plaintext);

	/**
	 * Decrypt content that {@link #encrypt(byte[])} returned.
	 * @param content the encrypted content
	 * @return the plaintext
	 * @throws ContentDecryptionException if the key is unknown or wrong, or the content
	 * was changed or is malformed
	 */
	byte[] decrypt(EncryptedContent content);

}
