package dev.llmtracing.it;

import dev.llmtracing.advisor.LlmTracingParams;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring AI web application for the end-to-end tests of feedback and quality signals.
 *
 * @author llm-tracing
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class QualityTestApplication {

	@Bean
	ChatClient chatClient(ChatClient.Builder builder) {
		return builder.build();
	}

	@RestController
	static class QualityEndpoints {

		private final ChatClient chatClient;

		private final ChatModel chatModel;

		QualityEndpoints(ChatClient chatClient, ChatModel chatModel) {
			this.chatClient = chatClient;
			this.chatModel = chatModel;
		}

		@PostMapping(path = "/ask", consumes = MediaType.ALL_VALUE)
		String ask(@RequestBody String message) {
			return this.chatClient.prompt().user(message).call().content();
		}

		@PostMapping(path = "/ask-twice", consumes = MediaType.ALL_VALUE)
		String askTwice(@RequestBody String message) {
			String first = this.chatClient.prompt().user(message + " (first)").call().content();
			return first + " / " + this.chatClient.prompt().user(message + " (second)").call().content();
		}

		@PostMapping(path = "/prompt/{name}", consumes = MediaType.ALL_VALUE)
		String prompt(@PathVariable String name, @RequestBody String message) {
			return this.chatClient.prompt()
				.user(message)
				.advisors((advisor) -> advisor.param(LlmTracingParams.PROMPT_NAME, name)
					.param(LlmTracingParams.PROMPT_VERSION, "v1"))
				.call()
				.content();
		}

		@PostMapping(path = "/deterministic", consumes = MediaType.ALL_VALUE)
		String deterministic(@RequestBody String message) {
			return this.chatModel.call(new Prompt(message, OpenAiChatOptions.builder().temperature(0.0).build()))
				.getResult()
				.getOutput()
				.getText();
		}

		@PostMapping(path = "/structured", consumes = MediaType.ALL_VALUE)
		Forecast structured(@RequestBody String message) {
			return this.chatClient.prompt().user(message).call().entity(Forecast.class);
		}

		@PostMapping(path = "/tools", consumes = MediaType.ALL_VALUE)
		String tools(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(new Weather()).call().content();
		}

		@PostMapping(path = "/failing-tools", consumes = MediaType.ALL_VALUE)
		String failingTools(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(new BrokenWeather()).call().content();
		}

		@PostMapping(path = "/failing-tools-stream", consumes = MediaType.ALL_VALUE,
				produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> failingToolsStream(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(new BrokenWeather()).stream().content();
		}

		@PostMapping(path = "/stream", consumes = MediaType.ALL_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> stream(@RequestBody String message) {
			return this.chatClient.prompt().user(message).stream().content();
		}

	}

	record Forecast(String city, String summary) {
	}

	static class Weather {

		@Tool(description = "The weather in a city")
		String weatherIn(String city) {
			return "Sunny in " + city;
		}

	}

	static class BrokenWeather {

		@Tool(description = "The weather in a city")
		String weatherIn(String city) {
			throw new IllegalStateException("The weather service is down");
		}

	}

}
