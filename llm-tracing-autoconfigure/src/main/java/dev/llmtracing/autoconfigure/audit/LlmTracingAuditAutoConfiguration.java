package dev.llmtracing.autoconfigure.audit;

import java.nio.file.Path;

import dev.llmtracing.audit.AuditFailureMode;
import dev.llmtracing.audit.AuditTrailSettings;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.observation.RequiredListenerFailures;
import dev.llmtracing.record.RequiredExchangeListener;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of the tamper-evident audit trail, off unless
 * {@code llm.tracing.audit.enabled} is set: every exchange record is also appended to a
 * hash-chained JSON lines file. With {@code llm.tracing.audit.on-failure=fail-closed} the
 * line is written on the caller's thread and a model call whose line cannot be written
 * fails.
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
	AuditTrailWriter llmTracingAuditTrailWriter(LlmTracingAuditProperties audit, IdScopes idScopes,
			InstrumentationFailures failures) {
		return new AuditTrailWriter(new AuditTrailSettings(Path.of(audit.getFile()), audit.getMaxFileSize().toBytes(),
				audit.getMaxHistory(), idScopes.getKeys()), failures, audit.getOnFailure());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ChatModelObservationContext.class, ObservationRegistry.class })
	@Conditional(OnFailClosedCondition.class)
	static class FailClosedConfiguration {

		@Bean
		RequiredExchangeListener llmTracingFailClosedAuditTrail(AuditTrailWriter writer) {
			return writer::writeDurably;
		}

		@Bean
		static BeanPostProcessor llmTracingRequiredListenerFailuresRegistrar() {
			return new FirstHandlerRegistrar();
		}

	}

	/**
	 * Registers {@link RequiredListenerFailures} with every observation registry before
	 * Spring Boot registers the other handlers (its post-processor is not ordered), so
	 * that it is stopped last.
	 */
	static final class FirstHandlerRegistrar implements BeanPostProcessor, Ordered {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof ObservationRegistry registry && registry != ObservationRegistry.NOOP) {
				registry.observationConfig().observationHandler(new RequiredListenerFailures());
			}
			return bean;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/**
	 * Matches when {@code llm.tracing.audit.on-failure} binds to
	 * {@link AuditFailureMode#FAIL_CLOSED}, in any of the spellings Boot binds.
	 */
	static final class OnFailClosedCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			AuditFailureMode mode = Binder.get(context.getEnvironment())
				.bind("llm.tracing.audit.on-failure", AuditFailureMode.class)
				.orElse(AuditFailureMode.DROP_AND_COUNT);
			return new ConditionOutcome(mode == AuditFailureMode.FAIL_CLOSED,
					"llm.tracing.audit.on-failure is " + mode);
		}

	}

}
