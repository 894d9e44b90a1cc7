package dev.llmtracing.autoconfigure.propagation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.benchmarks.PromptInput;
import dev.llmtracing.support.InstrumentationFailures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * What linking a stream's HTTP span costs the caller, per streaming model call: the
 * advisor that copies the prompt's OpenAI options with a fresh marker header
 * ({@code markPrompt}, against passing the request on unchanged in {@code passThrough}),
 * and the handler remembering and forgetting the model observation under its marker
 * ({@code rememberAndForget}). Linking the HTTP observation itself runs on OkHttp's
 * dispatcher thread, not the caller's. It lives in the package of the (package-private)
 * advisor and handler it measures.
 *
 * @author llm-tracing
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StreamLinkBenchmark {

	private StreamLinkAdvisor advisor;

	private StreamSpanLinkHandler handler;

	private ChatClientRequest request;

	private ChatModelObservationContext markedModel;

	private StreamAdvisorChain chain;

	@Setup(Level.Trial)
	public void setUp() {
		InstrumentationFailures failures = new InstrumentationFailures();
		this.advisor = new StreamLinkAdvisor(failures);
		this.handler = new StreamSpanLinkHandler(failures);
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.model("gpt-4o-mini")
			.temperature(0.2)
			.maxTokens(256)
			.build();
		this.request = new ChatClientRequest(new Prompt(PromptInput.SUPPORT_EN.text().substring(0, 1500), options),
				Map.of());
		this.markedModel = ChatModelObservationContext.builder()
			.prompt(new Prompt("Hello",
					options.mutate().customHeaders(Map.of(StreamLinkHeader.NAME, "marker-1")).build()))
			.provider("openai")
			.streaming(true)
			.build();
		this.chain = new LastRequestChain();
	}

	@Benchmark
	public Object passThrough() {
		return this.chain.nextStream(this.request);
	}

	@Benchmark
	public Object markPrompt() {
		return this.advisor.adviseStream(this.request, this.chain);
	}

	@Benchmark
	public void rememberAndForget(Blackhole blackhole) {
		this.handler.onStart(this.markedModel);
		this.handler.onStop(this.markedModel);
		blackhole.consume(this.markedModel);
	}

	/**
	 * A chain that ends at once with the request it was given, so that the benchmark
	 * measures only what runs before the model is called.
	 */
	private static final class LastRequestChain implements StreamAdvisorChain {

		@Override
		public Flux<ChatClientResponse> nextStream(ChatClientRequest request) {
			return Flux.just(ChatClientResponse.builder().context(Map.of("request", request)).build());
		}

		@Override
		public List<StreamAdvisor> getStreamAdvisors() {
			return List.of();
		}

		@Override
		public StreamAdvisorChain copy(StreamAdvisor after) {
			return this;
		}

	}

}
