package dev.llmtracing.autoconfigure.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.web.LlmTracingWebAutoConfiguration;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.ContentMode;
import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRecordLogger;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LlmTracingAutoConfiguration} and
 * {@link LlmTracingChatAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingChatAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingChatAutoConfiguration.class));

	@Test
	void shouldProvideCaptureBeans() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(IdScopes.class)
			.hasSingleBean(InstrumentationFailures.class)
			.hasSingleBean(ExchangeDispatcher.class)
			.hasSingleBean(ExchangeRecordLogger.class)
			.hasSingleBean(ExchangeObservationHandler.class)
			.hasSingleBean(TracingAdvisor.class)
			.hasSingleBean(ChatClientBuilderCustomizer.class)
			.hasSingleBean(ClientFactsResolver.class)
			.hasSingleBean(TraceContextLookup.class));
	}

	@Test
	void shouldTurnEverythingOffWhenDisabled() {
		this.runner.withPropertyValues("llm.tracing.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanDefinitionNames()).noneMatch((name) -> name.startsWith("llmTracing"));
			assertThat(context).doesNotHaveBean(IdScopes.class).doesNotHaveBean(ExchangeObservationHandler.class);
		});
	}

	@Test
	void shouldSwitchOffCaptureAlone() {
		this.runner.withPropertyValues("llm.tracing.capture.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(IdScopes.class)
				.doesNotHaveBean(ExchangeObservationHandler.class)
				.doesNotHaveBean(TracingAdvisor.class));
	}

	@Test
	void shouldSwitchOffAdvisorAlone() {
		this.runner.withPropertyValues("llm.tracing.capture.advisor-enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ExchangeObservationHandler.class)
				.doesNotHaveBean(TracingAdvisor.class)
				.doesNotHaveBean(ChatClientBuilderCustomizer.class));
	}

	@Test
	void shouldSwitchOffRecordLoggerAlone() {
		this.runner.withPropertyValues("llm.tracing.record.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ExchangeRecordLogger.class)
				.hasSingleBean(ExchangeObservationHandler.class));
	}

	@Test
	void shouldBackOffFromUserBeans() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(IdScopes.class).hasSingleBean(ExchangeObservationHandler.class);
			assertThat(context.getBean(IdScopes.class)).isSameAs(context.getBean("userIdScopes"));
			assertThat(context.getBean(ExchangeObservationHandler.class)).isSameAs(context.getBean("userHandler"));
		});
	}

	@Test
	void shouldApplyIdProperties() {
		this.runner
			.withPropertyValues("llm.tracing.ids.max-length=4", "llm.tracing.ids.request-id-mdc-key=rid",
					"llm.tracing.ids.context-id-mdc-key=cid", "llm.tracing.ids.user-id-mdc-key=uid")
			.run((context) -> {
				IdScopes idScopes = context.getBean(IdScopes.class);
				assertThat(idScopes.getKeys()).isEqualTo(new MdcKeys("rid", "cid", "uid"));
				try (IdScope scope = idScopes.open("abcd", "abcde", null)) {
					assertThat(scope.ids().requestId()).isEqualTo("abcd");
					assertThat(scope.ids().contextId()).isNull();
				}
			});
	}

	@Test
	void shouldWorkWithoutMicrometerTracing() {
		this.runner.withClassLoader(new FilteredClassLoader(TracingObservationHandler.class))
			.run((context) -> assertThat(context).hasSingleBean(ExchangeObservationHandler.class)
				.doesNotHaveBean(TraceContextLookup.class));
	}

	@Test
	void shouldWorkWithoutChatClient() {
		this.runner.withClassLoader(new FilteredClassLoader(ChatClientBuilderCustomizer.class))
			.run((context) -> assertThat(context).hasSingleBean(ExchangeObservationHandler.class)
				.doesNotHaveBean(TracingAdvisor.class)
				.doesNotHaveBean(ClientFactsResolver.class));
	}

	@Test
	void shouldWorkWithoutSpringAi() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasSingleBean(IdScopes.class)
				.doesNotHaveBean(ExchangeObservationHandler.class));
	}

	@Test
	void shouldWorkWithoutServletApiActuatorOrTracing() {
		this.runner.withConfiguration(AutoConfigurations.of(LlmTracingWebAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "io.micrometer.tracing",
					"jakarta.servlet"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(IdScopes.class)
				.hasSingleBean(ExchangeObservationHandler.class));
	}

	@Test
	void shouldRecordThroughTheRealObservationChain() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withUserConfiguration(CollectingListener.class)
			.run((context) -> {
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				ChatModelObservationContext observationContext = ChatModelObservationContext.builder()
					.prompt(new Prompt("hi"))
					.provider("openai")
					.build();
				Observation.createNotStarted("gen_ai.client.operation", () -> observationContext, registry)
					.observe(() -> {
					});
				List<ExchangeRecord> records = context.getBean(CollectingListener.class).records;
				await().atMost(Duration.ofSeconds(5)).until(() -> records.size() == 1);
				assertThat(records.get(0).request().providerName()).isEqualTo("openai");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		IdScopes userIdScopes() {
			return new IdScopes(MdcKeys.DEFAULT, new IdValidator(8), IdRejectionListener.NONE);
		}

		@Bean
		ExchangeObservationHandler userHandler(IdScopes idScopes, ExchangeDispatcher dispatcher) {
			return new ExchangeObservationHandler(idScopes, ClientFactsResolver.NONE, TraceContextLookup.NONE,
					dispatcher, new InstrumentationFailures(), new PriceTable(List.of()),
					new ContentCapture(ContentMode.NONE, (text) -> text, 2000, 10_000));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CollectingListener implements ExchangeListener {

		final List<ExchangeRecord> records = new CopyOnWriteArrayList<>();

		@Override
		public void onExchange(ExchangeRecord record) {
			this.records.add(record);
		}

	}

}
