package dev.llmtracing.autoconfigure;

import dev.llmtracing.context.IdScopes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for an application that switched llm-tracing off
 * ({@code llm.tracing.enabled=false}): it keeps the {@link IdScopes} bean that
 * application code may inject to open ID scopes outside HTTP, as a
 * {@link IdScopes#disabled() disabled} one that keeps no IDs, so that the switch never
 * stops an application from starting.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "llm.tracing.enabled", havingValue = false)
public final class LlmTracingDisabledAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IdScopes disabledLlmTracingIdScopes() {
		return IdScopes.disabled();
	}

}
