package dev.llmtracing.replay;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.crypto.ContentDecryptionException;
import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.crypto.EncryptedContent;
import dev.llmtracing.record.ExchangeFields;

/**
 * Turns a record with {@code llm.content.encrypted} into one with its messages in the
 * clear, for replay.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class EncryptedRecords {

	private final ContentEncryptor encryptor;

	private final ExchangeLogReader reader = new ExchangeLogReader();

	/**
	 * Create an instance.
	 * @param encryptor decrypts the content
	 */
	public EncryptedRecords(ContentEncryptor encryptor) {
		this.encryptor = encryptor;
	}

	/**
	 * Return the record with its messages decrypted; a record without encrypted content
	 * is returned as it is.
	 * @param record the fields of the record
	 * @return the fields with {@code gen_ai.input.messages} and
	 * {@code gen_ai.output.messages}
	 * @throws ReplayException if the content cannot be decrypted
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> decrypt(Map<String, Object> record) {
		Object encrypted = record.get(ExchangeFields.CONTENT_ENCRYPTED);
		if (!(encrypted instanceof Map<?, ?> fields)) {
			return record;
		}
		try {
			byte[] plaintext = this.encryptor.decrypt(EncryptedContent.fromFields((Map<String, ?>) fields));
			Map<String, Object> clear = new LinkedHashMap<>(record);
			clear.putAll(this.reader.parse(new String(plaintext, StandardCharsets.UTF_8)));
			return clear;
		}
		catch (ContentDecryptionException ex) {
			throw new ReplayException("The content of exchange " + record.get(ExchangeFields.EXCHANGE_ID)
					+ " cannot be decrypted: " + ex.getMessage(), ex);
		}
	}

}
