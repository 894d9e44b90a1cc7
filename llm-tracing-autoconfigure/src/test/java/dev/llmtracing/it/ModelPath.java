package dev.llmtracing.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClient.ChatClientRequestSpec;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientBuilderConfigurer;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways an application calls a model, each through the same two clients of one
 * application: its {@code ChatClient} and its {@code ChatModel}.
 *
 * @author llm-tracing
 */
enum ModelPath {

	/**
	 * {@code ChatClient.prompt().call()}.
	 */
	CALL(1, false),

	/**
	 * {@code ChatClient.prompt().stream()}.
	 */
	STREAM(1, true),

	/**
	 * {@code ChatModel.call(Prompt)}.
	 */
	DIRECT(1, false),

	/**
	 * {@code ChatModel.stream(Prompt)}.
	 */
	DIRECT_STREAM(1, true),

	/**
	 * {@code ChatClient} with a tool, {@code call()}: two model calls, the second (after
	 * the tool result) is the one that fails.
	 */
	TOOLS(2, false),

	/**
	 * {@code ChatClient} with a tool, {@code stream()}: two model calls, the second
	 * fails.
	 */
	TOOLS_STREAM(2, true);

	private final int modelCalls;

	private final boolean streaming;

	ModelPath(int modelCalls, boolean streaming) {
		this.modelCalls = modelCalls;
		this.streaming = streaming;
	}

	/**
	 * Return how many model calls one use of this path makes.
	 * @return the number of model calls
	 */
	int modelCalls() {
		return this.modelCalls;
	}

	/**
	 * Ask the model and wait for the whole answer, as a caller of this path does.
	 * @param clients the clients of the application
	 * @param text the user message
	 * @param timeout the client's timeout for this call, or {@code null} for the default
	 * @return the answer, streamed chunks joined
	 */
	String answer(Clients clients, String text, @Nullable Duration timeout) {
		if (this.streaming) {
			List<String> chunks = chunks(clients, text, timeout).collectList().block();
			return (chunks != null) ? String.join("", chunks) : "";
		}
		return switch (this) {
			case CALL -> spec(clients, text, timeout).call().content();
			case TOOLS -> spec(clients, text + " [after-tool]", timeout).tools(new CaptureTestApplication.Clock())
				.call()
				.content();
			default -> text(clients.chatModel().call(prompt(text, timeout)));
		};
	}

	/**
	 * Ask a streaming path for the chunks of its answer.
	 * @param clients the clients of the application
	 * @param text the user message
	 * @param timeout the client's timeout for this call, or {@code null} for the default
	 * @return the chunks, not yet subscribed
	 */
	Flux<String> chunks(Clients clients, String text, @Nullable Duration timeout) {
		return switch (this) {
			case STREAM -> spec(clients, text, timeout).stream().content();
			case TOOLS_STREAM ->
				spec(clients, text + " [after-tool]", timeout).tools(new CaptureTestApplication.Clock())
					.stream()
					.content();
			case DIRECT_STREAM -> clients.chatModel().stream(prompt(text, timeout)).mapNotNull(ModelPath::text);
			default -> throw new IllegalStateException(this + " does not stream");
		};
	}

	/**
	 * Subscribe to the chunks of a streaming path and dispose of the subscription from
	 * the subscriber itself when the first chunk arrives, so that the caller sees exactly
	 * one chunk.
	 * @param clients the clients of the application
	 * @param text the user message
	 * @return the chunks the caller saw
	 */
	List<String> firstChunkThenDispose(Clients clients, String text) {
		List<String> seen = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(1);
		chunks(clients, text, null).subscribe(new BaseSubscriber<>() {

			@Override
			protected void hookOnNext(String chunk) {
				seen.add(chunk);
				dispose();
			}

			@Override
			protected void hookFinally(SignalType type) {
				done.countDown();
			}

		});
		try {
			assertThat(done.await(5, TimeUnit.SECONDS)).as("first chunk, then disposed").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return List.copyOf(seen);
	}

	private static ChatClientRequestSpec spec(Clients clients, String text, @Nullable Duration timeout) {
		ChatClientRequestSpec spec = clients.chatClient().prompt().user(text);
		return (timeout != null) ? spec.options(OpenAiChatOptions.builder().timeout(timeout)) : spec;
	}

	private static Prompt prompt(String text, @Nullable Duration timeout) {
		return (timeout != null) ? new Prompt(text, OpenAiChatOptions.builder().timeout(timeout).build())
				: new Prompt(text);
	}

	private static @Nullable String text(ChatResponse response) {
		return (response.getResult() != null) ? response.getResult().getOutput().getText() : null;
	}

	/**
	 * The clients of one application.
	 *
	 * @param chatClient its {@code ChatClient}
	 * @param chatModel its {@code ChatModel}
	 */
	record Clients(ChatClient chatClient, ChatModel chatModel) {

		/**
		 * Return the application's {@code chatClient} bean and its {@code ChatModel}.
		 * @param context the application
		 * @return its clients
		 */
		static Clients of(ApplicationContext context) {
			return new Clients(context.getBean("chatClient", ChatClient.class), context.getBean(ChatModel.class));
		}

		/**
		 * Build a second model by hand, as an application with two models does, on the
		 * application's observation registry, and a {@code ChatClient} for it with the
		 * application's customizers.
		 * @param context the application
		 * @param baseUrl the model's base URL
		 * @param maxRetries the model client's retries
		 * @return the clients of the second model
		 */
		static Clients handBuilt(ApplicationContext context, String baseUrl, int maxRetries) {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			OpenAiChatModel model = OpenAiChatModel.builder()
				.options(OpenAiChatOptions.builder()
					.baseUrl(baseUrl)
					.apiKey("test-key")
					.model("stand-in-it")
					.maxRetries(maxRetries)
					.build())
				.observationRegistry(registry)
				.build();
			ChatClient.Builder builder = ChatClient.builder(model, registry, null, null);
			return new Clients(context.getBean(ChatClientBuilderConfigurer.class).configure(builder).build(), model);
		}

	}

}
