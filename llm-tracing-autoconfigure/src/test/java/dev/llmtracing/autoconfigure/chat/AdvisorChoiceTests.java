package dev.llmtracing.autoconfigure.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecord;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the choice of the {@link TracingAdvisor}: calls and streams have it only when
 * something reads exchange records, and their model calls have the caller's IDs either
 * way, also when the model call runs on another thread.
 *
 * @author llm-tracing
 */
class AdvisorChoiceTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, LlmTracingAutoConfiguration.class,
				LlmTracingChatAutoConfiguration.class))
		.withUserConfiguration(ObservedContexts.class);

	@Test
	void shouldLeaveTheAdvisorOutOfStreamsWhenNothingReadsRecords() {
		this.runner.withPropertyValues("llm.tracing.record.enabled=false").run((context) -> {
			ObservedContexts observed = stream(context);
			assertThat(observed.advisorNames()).doesNotContain(TracingAdvisor.NAME).isNotEmpty();
			assertThat(observed.clientAdvisorNames()).doesNotContain(TracingAdvisor.NAME).isNotEmpty();
			assertThat(observed.modelIds()).containsExactly("req-stream-1");
		});
	}

	@Test
	void shouldKeepTheAdvisorOnStreamsWhenRecordsAreRead() {
		this.runner.run((context) -> {
			ObservedContexts observed = stream(context);
			assertThat(observed.advisorNames()).contains(TracingAdvisor.NAME);
			assertThat(observed.modelIds()).containsExactly("req-stream-1");
		});
	}

	@Test
	void shouldKeepTheAdvisorOnStreamsForAListenerOfTheApplication() {
		this.runner.withPropertyValues("llm.tracing.record.enabled=false")
			.withBean(ExchangeListener.class, () -> (ExchangeRecord record) -> {
			})
			.run((context) -> assertThat(stream(context).advisorNames()).contains(TracingAdvisor.NAME));
	}

	@Test
	void shouldLeaveTheAdvisorOutOfCallsWhenNothingReadsRecords() {
		this.runner.withPropertyValues("llm.tracing.record.enabled=false").run((context) -> {
			ObservedContexts observed = call(context);
			assertThat(observed.modelIds()).containsExactly("req-call-1");
			assertThat(observed.clientAdvisorNames()).doesNotContain(TracingAdvisor.NAME).isNotEmpty();
		});
	}

	@Test
	void shouldKeepTheAdvisorOnCallsWhenRecordsAreRead() {
		this.runner.run((context) -> {
			ObservedContexts observed = call(context);
			assertThat(observed.modelIds()).containsExactly("req-call-1");
			// the advisor's own observation is off on calls, so look at the client's list
			assertThat(observed.clientAdvisorNames()).contains(TracingAdvisor.NAME);
		});
	}

	private static ObservedContexts call(AssertableApplicationContext context) {
		ChatClient client = chatClient(context);
		IdScopes idScopes = context.getBean(IdScopes.class);
		try (IdScope scope = idScopes.open("req-call-1", null, null)) {
			assertThat(client.prompt("Hello").call().content()).isEqualTo("Hello!");
		}
		return context.getBean(ObservedContexts.class);
	}

	private static ObservedContexts stream(AssertableApplicationContext context) {
		ChatClient client = chatClient(context);
		IdScopes idScopes = context.getBean(IdScopes.class);
		try (IdScope scope = idScopes.open("req-stream-1", null, null)) {
			assertThat(client.prompt("Hello").stream().content().collectList().block()).containsExactly("Hel", "lo!");
		}
		return context.getBean(ObservedContexts.class);
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		ObservationRegistry registry = context.getBean(ObservationRegistry.class);
		ChatClient.Builder builder = ChatClient.builder(new ObservedChatModel(registry), registry, null, null);
		context.getBeanProvider(ChatClientBuilderCustomizer.class).orderedStream().forEach((c) -> c.customize(builder));
		return builder.build();
	}

	/**
	 * Answers under a model observation made the way Spring AI's models make it, on
	 * another thread: a stream streams there, its observation's parent taken from the
	 * Reactor context and started on another thread too, as a tool-calling round's is.
	 */
	private record ObservedChatModel(ObservationRegistry registry) implements ChatModel {

		/**
		 * Answer under a model observation that starts on another thread, the caller's
		 * observation its parent: a thread without the caller's IDs in its MDC.
		 */
		@Override
		public ChatResponse call(Prompt prompt) {
			Observation parent = this.registry.getCurrentObservation();
			return CompletableFuture.supplyAsync(() -> {
				ChatModelObservationContext context = ChatModelObservationContext.builder()
					.prompt(prompt)
					.provider("test")
					.build();
				return Observation.createNotStarted("gen_ai.client.operation", () -> context, this.registry)
					.parentObservation(parent)
					.observe(() -> response("Hello!"));
			}).join();
		}

		@Override
		public Flux<ChatResponse> stream(Prompt prompt) {
			return Flux.deferContextual((view) -> {
				ChatModelObservationContext context = ChatModelObservationContext.builder()
					.prompt(prompt)
					.provider("test")
					.streaming(true)
					.build();
				Observation observation = Observation
					.createNotStarted("gen_ai.client.operation", () -> context, this.registry)
					.parentObservation(view.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
					.start();
				return Flux.just(response("Hel"), response("lo!"))
					.publishOn(Schedulers.boundedElastic())
					.doFinally((signal) -> observation.stop())
					.contextWrite((reactor) -> reactor.put(ObservationThreadLocalAccessor.KEY, observation));
			}).subscribeOn(Schedulers.boundedElastic());
		}

		private static ChatResponse response(String text) {
			return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
		}

	}

	/**
	 * Notes the advisors that ran under an observation and the IDs each model call
	 * started with.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ObservedContexts {

		private final List<String> advisorNames = new CopyOnWriteArrayList<>();

		private final List<String> modelIds = new CopyOnWriteArrayList<>();

		private final List<String> clientAdvisorNames = new CopyOnWriteArrayList<>();

		@Bean
		ObservationHandler<Observation.Context> observedContextsHandler() {
			return new ObservationHandler<>() {

				@Override
				public void onStart(Observation.Context context) {
					// on start: a stream's advisors start when it is subscribed, and stop
					// in doFinally, possibly after the caller has the last chunk
					if (context instanceof AdvisorObservationContext advisor) {
						ObservedContexts.this.advisorNames.add(advisor.getAdvisorName());
					}
					else if (context instanceof ChatClientObservationContext client) {
						client.getAdvisors()
							.forEach((advisor) -> ObservedContexts.this.clientAdvisorNames.add(advisor.getName()));
					}
				}

				@Override
				public void onStop(Observation.Context context) {
					if (context instanceof ChatModelObservationContext) {
						TracingIds ids = context.get(TracingIds.class);
						ObservedContexts.this.modelIds.add((ids != null) ? ids.requestId() : "none");
					}
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

			};
		}

		List<String> advisorNames() {
			return this.advisorNames;
		}

		/**
		 * The advisors of the {@code ChatClient} call or stream, whether their
		 * observations are on or off.
		 */
		List<String> clientAdvisorNames() {
			return this.clientAdvisorNames;
		}

		/**
		 * Wait for the model call to stop (in doFinally, possibly after the caller has
		 * the last chunk) and return the IDs it had.
		 */
		List<String> modelIds() {
			await().atMost(Duration.ofSeconds(5)).until(() -> !this.modelIds.isEmpty());
			return this.modelIds;
		}

	}

}
