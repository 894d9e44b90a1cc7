package dev.llmtracing.it;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.stage.LlmStage;
import dev.llmtracing.stage.LlmStages;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * A Spring AI web application with stages, for the end-to-end tests of request records.
 *
 * @author llm-tracing
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RequestTestApplication {

	/**
	 * The exception the failing stage throws.
	 */
	static final IllegalStateException STAGE_FAILURE = new IllegalStateException("shaping failed");

	/**
	 * The exception the endpoint saw from the failing stage.
	 */
	static final AtomicReference<Throwable> seenByCaller = new AtomicReference<>();

	@Bean
	ChatClient chatClient(ChatClient.Builder builder) {
		return builder.build();
	}

	@Bean
	Stages stages() {
		return new Stages();
	}

	static class Stages {

		@LlmStage("prompt-build")
		String buildPrompt(String message, long sleepMillis) {
			sleep(sleepMillis);
			return "Answer briefly: " + message;
		}

		@LlmStage("output-shaping")
		String shape(String answer, boolean fail) {
			if (fail) {
				throw STAGE_FAILURE;
			}
			return answer.trim();
		}

		private static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@RestController
	static class Endpoints {

		private final ChatClient chatClient;

		private final Stages stages;

		private final LlmStages llmStages;

		private final IdScopes idScopes;

		private final ExecutorService executor = Executors.newFixedThreadPool(2);

		Endpoints(ChatClient chatClient, Stages stages, LlmStages llmStages, IdScopes idScopes) {
			this.chatClient = chatClient;
			this.stages = stages;
			this.llmStages = llmStages;
			this.idScopes = idScopes;
		}

		@PostMapping(path = "/answer/{sleep}", consumes = MediaType.ALL_VALUE)
		String answer(@PathVariable long sleep, @RequestBody String message) {
			String prompt = this.stages.buildPrompt(message, sleep);
			String answer = this.chatClient.prompt().user(prompt).call().content();
			return this.llmStages.call("rerank", () -> this.stages.shape(answer, false));
		}

		@PostMapping(path = "/failing", consumes = MediaType.ALL_VALUE)
		String failing(@RequestBody String message) {
			String answer = this.chatClient.prompt().user(message).call().content();
			try {
				return this.stages.shape(answer, true);
			}
			catch (RuntimeException ex) {
				seenByCaller.set(ex);
				throw ex;
			}
		}

		@PostMapping(path = "/parallel", consumes = MediaType.ALL_VALUE)
		String parallel(@RequestBody String message) {
			TracingIds ids = this.idScopes.current();
			List<CompletableFuture<String>> answers = List.of(ask(ids, message), ask(ids, message));
			return String.join(" | ", answers.stream().map(CompletableFuture::join).toList());
		}

		@PostMapping(path = "/stream", consumes = MediaType.ALL_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> stream(@RequestBody String message) {
			String prompt = this.stages.buildPrompt(message, 50);
			return this.chatClient.prompt().user(prompt).stream().content();
		}

		@PostMapping(path = "/tools", consumes = MediaType.ALL_VALUE)
		String tools(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(new Clock()).call().content();
		}

		@PostMapping(path = "/tools-stream", consumes = MediaType.ALL_VALUE,
				produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> toolsStream(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(new Clock()).stream().content();
		}

		private CompletableFuture<String> ask(TracingIds ids, String message) {
			return CompletableFuture.supplyAsync(() -> {
				try (IdScope scope = this.idScopes.restore(ids)) {
					return this.chatClient.prompt().user(message).call().content();
				}
			}, this.executor);
		}

	}

	static class Clock {

		/**
		 * How long the tool takes, so that its part of the request is not empty.
		 */
		static final long TOOL_MILLIS = 80;

		@Tool(description = "The time in a city")
		String timeIn(String city) {
			Stages.sleep(TOOL_MILLIS);
			return "12:00 in " + city;
		}

	}

}
