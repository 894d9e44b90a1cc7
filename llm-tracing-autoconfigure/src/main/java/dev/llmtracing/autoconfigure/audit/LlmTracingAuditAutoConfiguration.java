package dev.llmtracing.autoconfigure.audit;

import java.nio.file.Path;

import dev.llmtracing.audit.AuditTrailSettings;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.context.IdScopes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the tamper-evident audit trail, off unless
 * {@code llm.tracing.audit.enabled} is set: every exchange record is also appended to a
 * hash-chained JSON lines file.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class)
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.audit.enabled")
@EnableConfigurationProperties(LlmTracingAuditProperties.class)
public final class LlmTracingAuditAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	AuditTrailWriter llmTracingAuditTrailWriter(LlmTracingAuditProperties audit, IdScopes idScopes) {
		return new AuditTrailWriter(new AuditTrailSettings(Path.of(audit.getFile()), audit.getMaxFileSize().toBytes(),
				audit.getMaxHistory(), idScopes.getKeys()));
	}

}
