package dev.llmtracing.autoconfigure.propagation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import reactor.core.publisher.Flux;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
		.withConfiguration(AutoConfigurations.of(LlmTracingStreamLinkAutoConfiguration.class,
				LlmTracingAutoConfiguration.class, ObservationAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, NoopTracerAutoConfiguration.class));

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
	void shouldMarkStreamsOfTheAutoConfiguredOpenAiModelWhenSpansAreRecorded() {
		this.runner.withBean(Tracer.class, LlmTracingStreamLinkAutoConfigurationTests::recordingTracer)
			.withInitializer(LlmTracingStreamLinkAutoConfigurationTests::registerAutoConfiguredOpenAiModel)
			.run((context) -> assertThat(streamedOptions(context).getCustomHeaders())
				.containsKey(StreamLinkHeader.NAME));
	}

	@Test
	void shouldNotMarkStreamsWhenTheTracerIsTheNoopOne() {
		this.runner.withInitializer(LlmTracingStreamLinkAutoConfigurationTests::registerAutoConfiguredOpenAiModel)
			.run((context) -> assertThat(streamedOptions(context).getCustomHeaders()).isNull());
	}

	@Test
	void shouldNotMarkStreamsOfAModelTheApplicationBuiltItself() {
		this.runner.withBean(Tracer.class, LlmTracingStreamLinkAutoConfigurationTests::recordingTracer)
			.withBean("userChatModel", ChatModel.class, RecordingChatModel::new)
			.run((context) -> assertThat(streamedOptions(context).getCustomHeaders()).isNull());
	}

	@Test
	void shouldBackOffWhenSwitchedOff() {
		this.runner.withPropertyValues("llm.tracing.propagation.stream-spans=false")
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

	/**
	 * Stream once through a {@code ChatClient} built from Boot's builder customizers and
	 * return the options the model received.
	 */
	private static OpenAiChatOptions streamedOptions(AssertableApplicationContext context) {
		RecordingChatModel model = new RecordingChatModel();
		ChatClient.Builder builder = ChatClient.builder(model);
		context.getBeanProvider(ChatClientBuilderCustomizer.class).orderedStream().forEach((c) -> c.customize(builder));
		builder.build().prompt("Hello").stream().content().blockLast();
		assertThat(model.prompts).hasSize(1);
		return (OpenAiChatOptions) model.prompts.get(0).getOptions();
	}

	/**
	 * Register, without ever creating them, a chat model bean defined the way Spring AI's
	 * OpenAI chat auto-configuration defines it.
	 */
	private static void registerAutoConfiguredOpenAiModel(ConfigurableApplicationContext context) {
		BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
		RootBeanDefinition configuration = new RootBeanDefinition(OpenAiChatAutoConfiguration.class);
		configuration.setLazyInit(true);
		registry.registerBeanDefinition(AutoConfiguredOpenAiChatModel.AUTO_CONFIGURATION, configuration);
		RootBeanDefinition model = new RootBeanDefinition();
		model.setFactoryBeanName(AutoConfiguredOpenAiChatModel.AUTO_CONFIGURATION);
		model.setFactoryMethodName("openAiChatModel");
		model.setTargetType(OpenAiChatModel.class);
		model.setLazyInit(true);
		registry.registerBeanDefinition("openAiChatModel", model);
	}

	private static Tracer recordingTracer() {
		io.opentelemetry.api.trace.Tracer otel = SdkTracerProvider.builder().build().get("test");
		return new OtelTracer(otel, new OtelCurrentTraceContext(), (event) -> {
		});
	}

	static class RecordingChatModel implements ChatModel {

		final List<Prompt> prompts = new CopyOnWriteArrayList<>();

		@Override
		public ChatResponse call(Prompt prompt) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Flux<ChatResponse> stream(Prompt prompt) {
			this.prompts.add(prompt);
			return Flux.empty();
		}

		@Override
		public ChatOptions getOptions() {
			return OpenAiChatOptions.builder().model("recorded").build();
		}

	}

}
