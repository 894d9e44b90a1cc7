package dev.llmtracing.autoconfigure;

import java.nio.file.Path;

import dev.llmtracing.audit.AuditTrailSettings;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.context.IdScopes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the tamper-evident audit trail, off unless
 * {@code llm.tracing.audit.enabled} is set: every exchange record is also appended to a
 * hash-chained JSON lines file.
 *
 * @author llm-tracing
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class)
@ConditionalOnBean(IdScopes.class)
@ConditionalOnBooleanProperty(name = "llm.tracing.audit.enabled")
public final class LlmTracingAuditAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	AuditTrailWriter llmTracingAuditTrailWriter(LlmTracingProperties properties, IdScopes idScopes) {
		LlmTracingProperties.Audit audit = properties.getAudit();
		return new AuditTrailWriter(new AuditTrailSettings(Path.of(audit.getFile()), audit.getMaxFileSize().toBytes(),
				audit.getMaxHistory(), idScopes.getKeys()));
	}

}
