package dev.llmtracing.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A {@link ContentEncryptor} with AES-256 in GCM mode from the JDK: a random 12-byte
 * nonce for each call, a 128-bit tag, and the UTF-8 bytes of the key id as additional
 * authenticated data, so that content cannot be passed off under another key id. Encrypts
 * with the active key of a {@link KeyRing} and decrypts with the key that the content
 * names, so that older records stay readable after the active key changes.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class AesGcmContentEncryptor implements ContentEncryptor {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final KeyRing keyRing;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Create a new encryptor.
	 * @param keyRing the keys
	 */
	public AesGcmContentEncryptor(KeyRing keyRing) {
		this.keyRing = keyRing;
	}

	@Override
	public EncryptedContent encrypt(byte[] plaintext) {
		String keyId = this.keyRing.activeKeyId();
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, this.keyRing.activeKey(), nonce, keyId).doFinal(plaintext);
			Base64.Encoder base64 = Base64.getEncoder();
			return new EncryptedContent(EncryptedContent.AES_256_GCM, keyId, base64.encodeToString(nonce),
					base64.encodeToString(ciphertext));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt with " + TRANSFORMATION, ex);
		}
	}

	@Override
	public byte[] decrypt(EncryptedContent content) {
		if (!EncryptedContent.AES_256_GCM.equals(content.algorithm())) {
			throw new ContentDecryptionException("unsupported algorithm '" + content.algorithm() + "'");
		}
		SecretKey key = this.keyRing.key(content.keyId());
		if (key == null) {
			throw new ContentDecryptionException(
					"unknown key id '" + content.keyId() + "', known: " + this.keyRing.keyIds());
		}
		byte[] nonce = base64("nonce", content.nonce());
		byte[] ciphertext = base64("ciphertext", content.ciphertext());
		if (nonce.length != NONCE_BYTES) {
			throw new ContentDecryptionException("the nonce is " + nonce.length + " bytes, not " + NONCE_BYTES);
		}
		if (ciphertext.length < TAG_BITS / 8) {
			throw new ContentDecryptionException("the ciphertext is shorter than its " + TAG_BITS / 8 + "-byte tag");
		}
		try {
			return cipher(Cipher.DECRYPT_MODE, key, nonce, content.keyId()).doFinal(ciphertext);
		}
		catch (AEADBadTagException ex) {
			throw new ContentDecryptionException("authentication failed: the key for key id '" + content.keyId()
					+ "' is wrong, or the content was changed", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new ContentDecryptionException("cannot decrypt with " + TRANSFORMATION + ": " + ex, ex);
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static byte[] base64(String name, String text) {
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ContentDecryptionException("the " + name + " is not Base64", ex);
		}
	}

}
