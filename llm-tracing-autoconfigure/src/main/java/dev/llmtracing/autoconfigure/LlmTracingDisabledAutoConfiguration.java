package dev.llmtracing.autoconfigure;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.stage.LlmStages;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration for an application that switched llm-tracing off
 * ({@code llm.tracing.enabled=false}): it keeps the {@link IdScopes} bean that
 * application code may inject to open ID scopes outside HTTP, as a
 * {@link IdScopes#disabled() disabled} one that keeps no IDs, so that the switch never
 * stops an application from starting; likewise an unobserved {@link LlmStages}.
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
	static class DisabledStagesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LlmStages disabledLlmStages() {
			return LlmStages.unobserved();
		}

	}

}
