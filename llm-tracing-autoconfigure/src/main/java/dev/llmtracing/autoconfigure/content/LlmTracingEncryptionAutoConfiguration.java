package dev.llmtracing.autoconfigure.content;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.crypto.AesGcmContentEncryptor;
import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.crypto.KeyRing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the AES-256-GCM {@link ContentEncryptor} for content mode
 * {@code encrypted}, from {@code llm.tracing.content.encryption.*}. A missing or
 * malformed key fails at start-up with a message that names the property; a key is never
 * logged. A {@link ContentEncryptor} bean of the application (a KMS or vault) replaces
 * it.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class)
@ConditionalOnLlmTracingEnabled
@ConditionalOnProperty(name = "llm.tracing.content.mode", havingValue = "encrypted")
@EnableConfigurationProperties(LlmTracingContentProperties.class)
public final class LlmTracingEncryptionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ContentEncryptor llmTracingContentEncryptor(LlmTracingContentProperties content) {
		LlmTracingContentProperties.Encryption encryption = content.getEncryption();
		return new AesGcmContentEncryptor(
				KeyRing.of("llm.tracing.content.encryption", encryption.getActiveKeyId(), encryption.getKeys()));
	}

}
