package dev.llmtracing.autoconfigure.quality;

import java.util.List;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration of the canary replays (opt-in,
 * {@code llm.tracing.quality.canary.enabled=true}): the canaries of the canary file,
 * asked of the application's {@code ChatClient.Builder} model on a schedule, each run
 * recorded on {@code llm.tracing.canary} and counted in {@code llm.quality.canary}.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class,
		afterName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnLlmTracingEnabled
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBooleanProperty(name = "llm.tracing.quality.canary.enabled")
@EnableConfigurationProperties(LlmTracingCanaryProperties.class)
public final class LlmTracingCanaryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CanaryRunner llmTracingCanaryRunner(ObjectProvider<ChatClient.Builder> builder) {
		return new CanaryRunner(SingletonSupplier.of(() -> builder.getObject().build()));
	}

	@Bean
	@ConditionalOnMissingBean
	CanarySchedule llmTracingCanarySchedule(LlmTracingCanaryProperties canary, ResourceLoader resources,
			CanaryRunner runner, ObjectProvider<MeterRegistry> registry, InstrumentationFailures failures) {
		List<Canary> canaries = CanaryFile.load(resources, canary.getFile());
		return new CanarySchedule(canaries, runner, new CanaryRecorder(registry.getIfUnique()),
				canary.getInitialDelay(), canary.getInterval(), failures);
	}

}
