package dev.llmtracing.autoconfigure.content;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.autoconfigure.PropertyChecks;
import dev.llmtracing.content.ContentMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the capture of prompt and completion content, off by
 * default. Masking has its own properties, {@link LlmTracingMaskingProperties}.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.content")
public class LlmTracingContentProperties implements Validator {

	/**
	 * What to keep of prompts and completions: 'none', 'digest' (SHA-256 digests and
	 * lengths) or 'full' (masked and truncated messages).
	 */
	private ContentMode mode = ContentMode.NONE;

	/**
	 * Maximum number of characters kept of one message text, tool argument or tool
	 * result.
	 */
	private int maxFieldLength = 2000;

	/**
	 * Maximum size of the captured messages of one record, as JSON; texts are cut further
	 * to fit.
	 */
	private DataSize maxRecordSize = DataSize.ofKilobytes(12);

	/**
	 * Whether to also put the masked, truncated messages on model spans as
	 * gen_ai.input.messages and gen_ai.output.messages.
	 */
	private boolean onSpans = false;

	private final Encryption encryption = new Encryption();

	public ContentMode getMode() {
		return this.mode;
	}

	public void setMode(ContentMode mode) {
		this.mode = mode;
	}

	public int getMaxFieldLength() {
		return this.maxFieldLength;
	}

	public void setMaxFieldLength(int maxFieldLength) {
		this.maxFieldLength = maxFieldLength;
	}

	public DataSize getMaxRecordSize() {
		return this.maxRecordSize;
	}

	public void setMaxRecordSize(DataSize maxRecordSize) {
		this.maxRecordSize = maxRecordSize;
	}

	public boolean isOnSpans() {
		return this.onSpans;
	}

	public void setOnSpans(boolean onSpans) {
		this.onSpans = onSpans;
	}

	public Encryption getEncryption() {
		return this.encryption;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingContentProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingContentProperties content = (LlmTracingContentProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.content");
		checks.range("maxFieldLength", "max-field-length", content.getMaxFieldLength(), 32, 1_000_000);
		checks.atLeastOneKilobyte("maxRecordSize", "max-record-size", content.getMaxRecordSize(), "12KB");
	}

	/**
	 * Encryption of captured content in mode 'encrypted'.
	 */
	public static class Encryption {

		/**
		 * ID of the key that encrypts new records; one of the keys.
		 */
		private @Nullable String activeKeyId;

		/**
		 * AES-256 keys by key ID, each 32 bytes in Base64 ('openssl rand -base64 32');
		 * keep old keys to read old records. Best set from the environment, such as
		 * LLM_TRACING_CONTENT_ENCRYPTION_KEYS_K1.
		 */
		private Map<String, String> keys = new LinkedHashMap<>();

		public @Nullable String getActiveKeyId() {
			return this.activeKeyId;
		}

		public void setActiveKeyId(@Nullable String activeKeyId) {
			this.activeKeyId = activeKeyId;
		}

		public Map<String, String> getKeys() {
			return this.keys;
		}

		public void setKeys(Map<String, String> keys) {
			this.keys = keys;
		}

	}

}
