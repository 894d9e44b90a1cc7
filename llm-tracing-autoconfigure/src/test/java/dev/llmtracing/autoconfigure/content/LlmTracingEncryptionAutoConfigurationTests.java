package dev.llmtracing.autoconfigure.content;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.chat.LlmTracingChatAutoConfiguration;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.crypto.EncryptedContent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingEncryptionAutoConfiguration}: start-up failures on missing
 * or malformed keys that name the property and never show the key, and back-off to a user
 * encryptor.
 *
 * @author llm-tracing
 */
class LlmTracingEncryptionAutoConfigurationTests {

	private static final String SHORT_KEY = "c2hvcnQta2V5LW9mLTE2Yg==";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmTracingAutoConfiguration.class,
				LlmTracingEncryptionAutoConfiguration.class, LlmTracingChatAutoConfiguration.class));

	@Test
	void noEncryptorUnlessTheModeAsksForOne() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ContentEncryptor.class));
	}

	@Test
	void encryptedModeWithoutKeysFailsNamingTheProperty() {
		this.runner.withPropertyValues("llm.tracing.content.mode=encrypted")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("llm.tracing.content.encryption"));
	}

	@Test
	void malformedKeyFailsNamingThePropertyWithoutShowingTheKey() {
		this.runner
			.withPropertyValues("llm.tracing.content.mode=encrypted", "llm.tracing.content.encryption.active-key-id=k1",
					"llm.tracing.content.encryption.keys.k1=" + SHORT_KEY)
			.run((context) -> {
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("llm.tracing.content.encryption.keys.k1");
				StringBuilder all = new StringBuilder();
				for (Throwable ex = context.getStartupFailure(); ex != null; ex = ex.getCause()) {
					all.append(ex.getMessage());
				}
				assertThat(all.toString()).doesNotContain(SHORT_KEY);
			});
	}

	@Test
	void userEncryptorReplacesTheBuiltInOne() {
		this.runner.withPropertyValues("llm.tracing.content.mode=encrypted")
			.withUserConfiguration(VaultEncryptor.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ContentEncryptor.class)).isSameAs(context.getBean("vaultEncryptor"));
				assertThat(context).hasSingleBean(ContentCapture.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class VaultEncryptor {

		@Bean
		ContentEncryptor vaultEncryptor() {
			return new ContentEncryptor() {

				@Override
				public EncryptedContent encrypt(byte[] plaintext) {
					return new EncryptedContent("AES-256-GCM", "vault", "bm9uY2U=", "Y2lwaGVy");
				}

				@Override
				public byte[] decrypt(EncryptedContent content) {
					return new byte[0];
				}

			};
		}

	}

}
