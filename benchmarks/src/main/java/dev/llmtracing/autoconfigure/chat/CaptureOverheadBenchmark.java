package dev.llmtracing.autoconfigure.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.benchmarks.PromptInput;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.ContentMode;
import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.redact.PiiMasker;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * What llm-tracing adds, on the caller's thread, to one observed model call: Spring AI's
 * {@code gen_ai.client.operation} observation with a no-op handler ({@code none}) against
 * the same observation with llm-tracing's handler and filter, which capture the IDs,
 * enrich the observation and queue the record ({@code records}); the record is built,
 * masked and written by the writer thread, which here hands it to a listener that drops
 * it. It lives in the package of the (package-private) handler and filter it measures.
 *
 * @author llm-tracing
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CaptureOverheadBenchmark {

	@Param({ "none", "records", "recordsWithFullContent" })
	public String instrumentation;

	private ObservationRegistry registry;

	private ExchangeDispatcher dispatcher;

	private IdScopes idScopes;

	private Prompt prompt;

	private ChatResponse response;

	@Setup(Level.Trial)
	public void setUp() {
		this.registry = ObservationRegistry.create();
		InstrumentationFailures failures = new InstrumentationFailures();
		this.idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(128), IdRejectionListener.NONE);
		this.dispatcher = new ExchangeDispatcher(List.of((record) -> {
		}), 1_000_000, Duration.ofSeconds(5), failures);
		this.registry.observationConfig().observationHandler(new NoopHandler());
		if (!"none".equals(this.instrumentation)) {
			ContentMode mode = "recordsWithFullContent".equals(this.instrumentation) ? ContentMode.FULL
					: ContentMode.NONE;
			ContentCapture content = new ContentCapture(mode, PiiMasker.of(PiiMasker.DETECTORS), 2000, 10_000);
			PriceTable prices = new PriceTable(List.of(new ModelPrice("gpt-4o-mini*", new java.math.BigDecimal("0.15"),
					new java.math.BigDecimal("0.60"), null, "USD")));
			this.registry.observationConfig()
				.observationHandler(new ExchangeObservationHandler(this.idScopes, ClientFactsResolver.NONE,
						TraceContextLookup.NONE, this.dispatcher, failures, prices, content))
				.observationFilter(new ModelObservationEnricher(new PromptTagLimiter(20), failures));
		}
		this.prompt = new Prompt(PromptInput.SUPPORT_EN.text().substring(0, 1500),
				ChatOptions.builder().model("gpt-4o-mini").temperature(0.2).maxTokens(256).build());
		this.response = new ChatResponse(
				List.of(new Generation(new AssistantMessage("Your refund was sent to ana@example.com today."),
						ChatGenerationMetadata.builder().finishReason("STOP").build())),
				ChatResponseMetadata.builder()
					.id("chatcmpl-1")
					.model("gpt-4o-mini-2024-07-18")
					.usage(new DefaultUsage(420, 12))
					.metadata(Map.of())
					.build());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.dispatcher.close();
	}

	@Benchmark
	public Object observedModelCall() {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(this.prompt)
			.provider("openai")
			.build();
		try (IdScope scope = this.idScopes.open("req-1", "ctx-1", "user-1")) {
			return Observation.createNotStarted("gen_ai.client.operation", () -> context, this.registry).observe(() -> {
				context.setResponse(this.response);
				return this.response;
			});
		}
	}

	private static final class NoopHandler implements ObservationHandler<Observation.Context> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
