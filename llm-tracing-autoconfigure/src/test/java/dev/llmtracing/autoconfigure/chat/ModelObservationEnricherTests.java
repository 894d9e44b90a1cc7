package dev.llmtracing.autoconfigure.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.ContentMode;
import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.observation.DefaultEmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationDocumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link ModelObservationEnricher} with the real Micrometer meter handler.
 *
 * @author llm-tracing
 */
class ModelObservationEnricherTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final InstrumentationFailures failures = new InstrumentationFailures();

	private final ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(), 10, Duration.ofSeconds(1),
			this.failures);

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE);

	private final AtomicReference<Observation.Context> stopped = new AtomicReference<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	ModelObservationEnricherTests() {
		this.registry.observationConfig()
			.observationHandler(new ExchangeObservationHandler(this.idScopes,
					(context) -> new ClientFacts(null, "conv-1", "faq", "v7", null), TraceContextLookup.NONE,
					this.dispatcher, this.failures, new PriceTable(List.of()),
					new ContentCapture(ContentMode.NONE, (text) -> text, 2000, 10_000)))
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new ObservationHandler<>() {
				@Override
				public void onStop(Observation.Context context) {
					ModelObservationEnricherTests.this.stopped.set(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}
			})
			.observationFilter(new ModelObservationEnricher(new PromptTagLimiter(10), this.failures));
	}

	@AfterEach
	void close() {
		this.dispatcher.close();
	}

	@Test
	void shouldAddProviderErrorTypeAndPromptTagsToModelMeters() {
		try (IdScope scope = this.idScopes.open("req-9", "ctx-9", "user-9")) {
			observation().observe(() -> {
			});
		}
		Meter timer = this.meters.get("gen_ai.client.operation").timer();
		assertThat(timer.getId().getTags()).contains(Tag.of("gen_ai.provider.name", "openai"),
				Tag.of("error.type", "none"), Tag.of("llm.prompt.name", "faq"), Tag.of("llm.prompt.version", "v7"));
		assertThat(timer.getId().getTags()).extracting(Tag::getValue)
			.doesNotContain("req-9", "ctx-9", "user-9", "conv-1");
		assertThat(this.stopped.get().getHighCardinalityKeyValues()).contains(
				KeyValue.of("gen_ai.conversation.id", "conv-1"), KeyValue.of("llm.request.id", "req-9"),
				KeyValue.of("llm.user.id", "user-9"));
		assertThat(this.stopped.get().getHighCardinalityKeyValue("llm.exchange.id")).isNotNull();
	}

	@Test
	void shouldSetErrorTypeOfFailedCall() {
		catchThrowable(() -> observation().observe(() -> {
			throw new IllegalArgumentException("bad");
		}));
		assertThat(this.meters.get("gen_ai.client.operation")
			.tag("error.type", "java.lang.IllegalArgumentException")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void shouldGiveEmbeddingMetersTheTagKeysOfChatMetersSoThatPrometheusTakesBoth() {
		EmbeddingModelObservationContext embedding = EmbeddingModelObservationContext.builder()
			.embeddingRequest(new EmbeddingRequest(List.of("hi"), EmbeddingOptions.builder().model("e1").build()))
			.provider("openai")
			.build();
		EmbeddingModelObservationDocumentation.EMBEDDING_MODEL_OPERATION
			.observation(null, new DefaultEmbeddingModelObservationConvention(), () -> embedding, this.registry)
			.observe(() -> {
			});
		ChatModelObservationContext chat = ChatModelObservationContext.builder()
			.prompt(new Prompt("hi", ChatOptions.builder().model("m1").build()))
			.provider("openai")
			.build();
		ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(null, new DefaultChatModelObservationConvention(), () -> chat, this.registry)
			.observe(() -> {
			});
		List<Meter> timers = List.copyOf(this.meters.get("gen_ai.client.operation").timers());
		assertThat(timers).hasSize(2);
		assertThat(tagKeys(timers.get(0))).isEqualTo(tagKeys(timers.get(1)))
			.contains("gen_ai.provider.name", "error.type", "llm.prompt.name", "llm.prompt.version");
		assertThat(this.meters.get("gen_ai.client.operation").tag("gen_ai.operation.name", "embedding").timer().getId())
			.extracting((id) -> id.getTag("llm.prompt.name"))
			.isEqualTo("none");
	}

	private static List<String> tagKeys(Meter meter) {
		return meter.getId().getTags().stream().map(Tag::getKey).sorted().toList();
	}

	@Test
	void shouldPutMaskedCappedContentOnTheSpanOnlyWhenAsked() {
		ObservationRegistry registry = ObservationRegistry.create();
		AtomicReference<Observation.Context> seen = new AtomicReference<>();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onStop(Observation.Context context) {
				seen.set(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		})
			.observationFilter(new ModelObservationEnricher(new PromptTagLimiter(10), this.failures,
					new ContentCapture(ContentMode.FULL,
							dev.llmtracing.redact.PiiMasker.of(dev.llmtracing.redact.PiiMasker.DETECTORS), 40, 4000)));
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(new Prompt("Write to ana@example.com about " + "x".repeat(100)))
			.provider("openai")
			.build();
		Observation.createNotStarted("gen_ai.client.operation", () -> context, registry).observe(() -> {
		});
		String input = seen.get().getHighCardinalityKeyValue("gen_ai.input.messages").getValue();
		assertThat(input).contains("[EMAIL]").contains("\"truncated\":true").doesNotContain("ana@example.com");
		assertThat(seen.get().getLowCardinalityKeyValue("gen_ai.input.messages")).isNull();
		observation().observe(() -> {
		});
		assertThat(this.stopped.get().getHighCardinalityKeyValue("gen_ai.input.messages")).isNull();
	}

	private Observation observation() {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(new Prompt("hi"))
			.provider("openai")
			.build();
		return Observation.createNotStarted("gen_ai.client.operation", () -> context, this.registry);
	}

}
