package dev.llmtracing.autoconfigure.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.audit.LlmTracingAuditProperties;
import dev.llmtracing.autoconfigure.content.LlmTracingEncryptionAutoConfiguration;
import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.replay.EncryptedRecords;
import dev.llmtracing.replay.ExchangeReplayer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of replay: an {@link ExchangeReplayer} bean, and the
 * {@code llmreplay} Actuator endpoint when Actuator is present and the endpoint is
 * available (not exposed over HTTP by default).
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = { LlmTracingAutoConfiguration.class, LlmTracingEncryptionAutoConfiguration.class },
		afterName = "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration")
@ConditionalOnClass({ ChatModel.class, JsonMapper.class })
@ConditionalOnLlmTracingEnabled
@EnableConfigurationProperties({ LlmTracingReplayProperties.class, LlmTracingAuditProperties.class })
public final class LlmTracingReplayAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ExchangeReplayer llmTracingExchangeReplayer(ObjectProvider<ContentEncryptor> encryptor) {
		ContentEncryptor decryptor = encryptor.getIfAvailable();
		return (decryptor != null) ? new ExchangeReplayer(new EncryptedRecords(decryptor)::decrypt)
				: new ExchangeReplayer();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	@ConditionalOnBean(ChatModel.class)
	@ConditionalOnAvailableEndpoint(LlmReplayEndpoint.class)
	LlmReplayEndpoint llmReplayEndpoint(ChatModel chatModel, ExchangeReplayer replayer,
			LlmTracingReplayProperties replay, LlmTracingAuditProperties audit) {
		List<Path> sources = new ArrayList<>();
		replay.getSources().forEach((source) -> sources.add(Path.of(source)));
		if (sources.isEmpty()) {
			sources.add(Path.of(audit.getFile()));
		}
		return new LlmReplayEndpoint(chatModel, replayer, sources);
	}

}
