package dev.llmtracing.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.llmtracing.openai.StreamLinkAdvisor;
import dev.llmtracing.openai.StreamSpanLinkHandler;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationHandlerGroup;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingStreamLinkAutoConfiguration}, with Spring Boot's real
 * observation and tracing auto-configuration.
 *
 * @author llm-tracing
 */
class LlmTracingStreamLinkAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LlmTracingStreamLinkAutoConfiguration.class, LlmTracingAutoConfiguration.class,
						ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class))
		.withBean(Tracer.class, () -> Tracer.NOOP);

	@Test
	void shouldLinkStreamsOfTheOpenAiClient() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(StreamSpanLinkHandler.class)
			.hasSingleBean(StreamLinkAdvisor.class)
			.hasSingleBean(ChatClientBuilderCustomizer.class)
			.hasSingleBean(OpenAiHttpClientBuilderCustomizer.class));
	}

	@Test
	void shouldRegisterTheLinkHandlerAheadOfTheTracingHandlers() {
		this.runner.run((context) -> {
			List<ObservationHandlerGroup> groups = new ArrayList<>(
					context.getBeanProvider(ObservationHandlerGroup.class).stream().toList());
			assertThat(groups).hasSizeGreaterThan(1);
			Collections.sort(groups);
			assertThat(groups.get(0).handlerType()).isEqualTo(StreamSpanLinkHandler.class);
			Collections.reverse(groups);
			Collections.sort(groups);
			assertThat(groups.get(0).handlerType()).isEqualTo(StreamSpanLinkHandler.class);
		});
	}

	@Test
	void shouldBackOffWhenSwitchedOff() {
		this.runner.withPropertyValues("llm.tracing.propagation.stream-spans=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(StreamSpanLinkHandler.class)
				.doesNotHaveBean(StreamLinkAdvisor.class));
	}

	@Test
	void shouldBackOffWithoutTracer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LlmTracingStreamLinkAutoConfiguration.class,
					LlmTracingAutoConfiguration.class, ObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(StreamSpanLinkHandler.class)
				.doesNotHaveBean(StreamLinkAdvisor.class));
	}

	@Test
	void shouldBackOffWithoutTheOpenAiClient() {
		this.runner.withClassLoader(new FilteredClassLoader(OpenAiChatOptions.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(StreamSpanLinkHandler.class)
				.doesNotHaveBean(StreamLinkAdvisor.class));
	}

}
