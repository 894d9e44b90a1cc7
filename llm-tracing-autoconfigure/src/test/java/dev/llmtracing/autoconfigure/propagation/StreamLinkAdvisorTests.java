package dev.llmtracing.autoconfigure.propagation;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.DefaultAroundAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamLinkAdvisor} in a real advisor chain.
 *
 * @author llm-tracing
 */
class StreamLinkAdvisorTests {

	private final Terminal terminal = new Terminal();

	@Test
	void eachStreamGetsAFreshMarkerAndKeepsTheOtherOptions() {
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.model("gpt-test")
			.temperature(0.3)
			.maxTokens(42)
			.customHeaders(Map.of("X-Tenant", "t-1"))
			.build();
		ChatClientRequest request = new ChatClientRequest(new Prompt("Hello", options), Map.of("key", "value"));
		stream(request);
		stream(request);
		assertThat(this.terminal.received).hasSize(2);
		OpenAiChatOptions first = (OpenAiChatOptions) this.terminal.received.get(0).prompt().getOptions();
		OpenAiChatOptions second = (OpenAiChatOptions) this.terminal.received.get(1).prompt().getOptions();
		assertThat(first.getCustomHeaders()).containsEntry("X-Tenant", "t-1").containsKey(StreamLinkHeader.NAME);
		assertThat(StreamLinkHeader.markerOf(first)).isNotEqualTo(StreamLinkHeader.markerOf(second));
		assertThat(first.getModel()).isEqualTo("gpt-test");
		assertThat(first.getTemperature()).isEqualTo(0.3);
		assertThat(first.getMaxTokens()).isEqualTo(42);
		assertThat(first.mutate().customHeaders(options.getCustomHeaders()).build()).isEqualTo(options);
		assertThat(this.terminal.received.get(0).prompt().getInstructions())
			.isEqualTo(request.prompt().getInstructions());
		assertThat(this.terminal.received.get(0).context()).containsEntry("key", "value");
		assertThat(options.getCustomHeaders()).doesNotContainKey(StreamLinkHeader.NAME);
	}

	@Test
	void markedOptionsHaveEveryOtherPropertyOfTheOriginal() throws Exception {
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.baseUrl("http://models.internal/v1")
			.apiKey("key-1")
			.organizationId("org-1")
			.timeout(Duration.ofSeconds(17))
			.maxRetries(5)
			.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.internal", 3128)))
			.customHeaders(Map.of("X-Tenant", "t-1"))
			.model("gpt-test")
			.frequencyPenalty(0.1)
			.presencePenalty(0.2)
			.temperature(0.3)
			.topP(0.9)
			.maxCompletionTokens(99)
			.stop(List.of("END"))
			.logitBias(Map.of("42", 1))
			.logprobs(true)
			.topLogprobs(3)
			.n(2)
			.outputModalities(List.of("text"))
			.seed(7)
			.user("u-1")
			.parallelToolCalls(false)
			.store(true)
			.strict(true)
			.metadata(Map.of("k", "v"))
			.reasoningEffort("low")
			.verbosity("high")
			.serviceTier("flex")
			.promptCacheKey("cache-1")
			.extraBody(Map.of("extra", 1))
			.toolContext(Map.of("tenant", "t-1"))
			.build();
		stream(new ChatClientRequest(new Prompt("Hello", options), Map.of()));
		OpenAiChatOptions marked = (OpenAiChatOptions) this.terminal.received.get(0).prompt().getOptions();
		assertThat(marked.getCustomHeaders()).containsKey(StreamLinkHeader.NAME);
		for (Method getter : OpenAiChatOptions.class.getMethods()) {
			boolean isGetter = getter.getParameterCount() == 0 && getter.getDeclaringClass() != Object.class
					&& (getter.getName().startsWith("get") || getter.getName().startsWith("is"));
			if (isGetter && !getter.getName().equals("getCustomHeaders")) {
				assertThat(getter.invoke(marked)).as(getter.getName()).isEqualTo(getter.invoke(options));
			}
		}
	}

	@Test
	void optionsThatTheBuilderWouldNotCopyExactlyPassUnchanged() {
		OpenAiChatOptions bothLimits = OpenAiChatOptions.builder()
			.model("gpt-test")
			.maxTokens(10)
			.build()
			.mutate()
			.combineWith(OpenAiChatOptions.builder().maxCompletionTokens(20))
			.build();
		assertThat(bothLimits.getMaxTokens()).isEqualTo(10);
		assertThat(bothLimits.getMaxCompletionTokens()).isEqualTo(20);
		ChatClientRequest request = new ChatClientRequest(new Prompt("Hello", bothLimits), Map.of());
		stream(request);
		assertThat(this.terminal.received).containsExactly(request);
	}

	@Test
	void requestContextIsPassedOnAsIs() {
		Map<String, Object> context = new HashMap<>(Map.of("key", "value"));
		stream(new ChatClientRequest(new Prompt("Hello", OpenAiChatOptions.builder().model("m").build()), context));
		assertThat(this.terminal.received.get(0).context()).isSameAs(context);
	}

	@Test
	void promptsWithoutOpenAiOptionsPassUnchanged() {
		ChatClientRequest generic = new ChatClientRequest(
				new Prompt("Hello", ChatOptions.builder().model("other").build()), Map.of());
		ChatClientRequest none = new ChatClientRequest(new Prompt("Hello"), Map.of());
		stream(generic);
		stream(none);
		assertThat(this.terminal.received).containsExactly(generic, none);
	}

	private void stream(ChatClientRequest request) {
		StreamAdvisorChain chain = DefaultAroundAdvisorChain.builder(ObservationRegistry.NOOP)
			.pushAll(List.of(new StreamLinkAdvisor(new InstrumentationFailures()), this.terminal))
			.build();
		chain.nextStream(request).blockLast();
	}

	static class Terminal implements StreamAdvisor {

		final List<ChatClientRequest> received = new CopyOnWriteArrayList<>();

		@Override
		public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
			this.received.add(request);
			return Flux.empty();
		}

		@Override
		public String getName() {
			return "terminal";
		}

		@Override
		public int getOrder() {
			return Integer.MAX_VALUE;
		}

	}

}
