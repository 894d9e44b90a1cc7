package dev.llmtracing.autoconfigure.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.ContentMode;
import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExchangeObservationHandler} with a real {@link ObservationRegistry}.
 *
 * @author llm-tracing
 */
class ExchangeObservationHandlerTests {

	private final List<ExchangeRecord> records = new CopyOnWriteArrayList<>();

	private final InstrumentationFailures failures = new InstrumentationFailures();

	private final ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(this.records::add), 100,
			Duration.ofSeconds(1), this.failures);

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE);

	private final ObservationRegistry registry = ObservationRegistry.create();

	@AfterEach
	void close() {
		this.dispatcher.close();
	}

	@Test
	void shouldRecordOneExchangeWithRequestAndResponseFacts() {
		register(ClientFactsResolver.NONE);
		try (IdScope scope = this.idScopes.open("req-1", "ctx-1", "user-1")) {
			observe(context(false), (context) -> context.setResponse(response()));
		}
		ExchangeRecord record = awaitOne();
		assertThat(record.ids().exchangeId()).hasSize(36);
		assertThat(record.ids().requestId()).isEqualTo("req-1");
		assertThat(record.ids().contextId()).isEqualTo("ctx-1");
		assertThat(record.ids().userId()).isEqualTo("user-1");
		assertThat(record.request().operationName()).isEqualTo("chat");
		assertThat(record.request().providerName()).isEqualTo("openai");
		assertThat(record.request().requestModel()).isEqualTo("gpt-test");
		assertThat(record.response().responseModel()).isEqualTo("gpt-test-0001");
		assertThat(record.request().temperature()).isEqualTo(0.3);
		assertThat(record.request().topP()).isEqualTo(0.8);
		assertThat(record.request().maxTokens()).isEqualTo(100);
		assertThat(record.response().responseId()).isEqualTo("resp-1");
		assertThat(record.response().finishReasons()).containsExactly("stop");
		assertThat(record.usage().inputTokens()).isEqualTo(11);
		assertThat(record.usage().outputTokens()).isEqualTo(22);
		assertThat(record.request().stream()).isFalse();
		assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(record.errorType()).isNull();
		assertThat(record.timing().durationNanos()).isPositive();
	}

	@Test
	void shouldRecordErrorTypeAndLeaveUnknownsOut() {
		register(ClientFactsResolver.NONE);
		ChatModelObservationContext context = context(false);
		Observation observation = Observation.createNotStarted("gen_ai.client.operation", () -> context, this.registry);
		assertThatIllegalStateException().isThrownBy(() -> observation.observe(() -> {
			throw new IllegalStateException("model down");
		}));
		ExchangeRecord record = awaitOne();
		assertThat(record.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(record.errorType()).isEqualTo("java.lang.IllegalStateException");
		assertThat(record.usage().inputTokens()).isNull();
		assertThat(record.response().responseId()).isNull();
		assertThat(record.response().finishReasons()).isEmpty();
	}

	@Test
	void shouldRecordStreamWithoutResponseAsCancelled() {
		register(ClientFactsResolver.NONE);
		observe(context(true), (context) -> {
		});
		ExchangeRecord record = awaitOne();
		assertThat(record.request().stream()).isTrue();
		assertThat(record.outcome()).isEqualTo(Outcome.CANCELLED);
	}

	@Test
	void shouldPreferIdsCapturedByTheClientOverThreadMdc() {
		TracingIds callerIds = new TracingIds("caller-req", "caller-ctx", null);
		register((context) -> new ClientFacts(callerIds, "conv-7", "faq", "v2", null));
		observe(context(true), (context) -> context.setResponse(response()));
		ExchangeRecord record = awaitOne();
		assertThat(record.ids().requestId()).isEqualTo("caller-req");
		assertThat(record.ids().contextId()).isEqualTo("caller-ctx");
		assertThat(record.request().conversationId()).isEqualTo("conv-7");
		assertThat(record.request().promptName()).isEqualTo("faq");
		assertThat(record.request().promptVersion()).isEqualTo("v2");
	}

	@Test
	void shouldCountOwnFailureAndNeverThrowIntoTheCall() {
		register((context) -> {
			throw new IllegalStateException("resolver broken");
		});
		ChatResponse response = response();
		Object result = Observation.createNotStarted("gen_ai.client.operation", () -> context(false), this.registry)
			.observe(() -> response);
		assertThat(result).isSameAs(response);
		assertThat(this.failures.count(InstrumentedComponent.CAPTURE)).isEqualTo(1);
	}

	@Test
	void shouldRecordExactlyOnceWhenStoppedTwice() {
		register(ClientFactsResolver.NONE);
		ChatModelObservationContext context = context(false);
		Observation observation = Observation.start("gen_ai.client.operation", () -> context, this.registry);
		observation.stop();
		observation.stop();
		awaitOne();
		await().during(Duration.ofMillis(200)).until(() -> this.records.size() == 1);
	}

	private void register(ClientFactsResolver resolver) {
		this.registry.observationConfig()
			.observationHandler(new ExchangeObservationHandler(this.idScopes, resolver, TraceContextLookup.NONE,
					this.dispatcher, this.failures, new PriceTable(List.of()),
					new ContentCapture(ContentMode.NONE, (text) -> text, 2000, 10_000)));
	}

	private void observe(ChatModelObservationContext context,
			java.util.function.Consumer<ChatModelObservationContext> body) {
		Observation.createNotStarted("gen_ai.client.operation", () -> context, this.registry)
			.observe(() -> body.accept(context));
	}

	private ExchangeRecord awaitOne() {
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.records.isEmpty());
		assertThat(this.records).hasSize(1);
		return this.records.get(0);
	}

	private static ChatModelObservationContext context(boolean streaming) {
		ChatOptions options = ChatOptions.builder().model("gpt-test").temperature(0.3).topP(0.8).maxTokens(100).build();
		return ChatModelObservationContext.builder()
			.prompt(new Prompt("Hello", options))
			.provider("openai")
			.streaming(streaming)
			.build();
	}

	private static ChatResponse response() {
		Generation generation = new Generation(new AssistantMessage("Hi"),
				ChatGenerationMetadata.builder().finishReason("STOP").build());
		ChatResponseMetadata metadata = ChatResponseMetadata.builder()
			.id("resp-1")
			.model("gpt-test-0001")
			.usage(new DefaultUsage(11, 22))
			.metadata(Map.of())
			.build();
		return new ChatResponse(List.of(generation), metadata);
	}

}
