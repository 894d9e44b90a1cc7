package dev.llmtracing.benchmarks.e2e.app;

import java.util.List;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints under load, each written the way an application would write it.
 *
 * @author llm-tracing
 */
@RestController
class AskController {

	private final ChatClient chatClient;

	private final String supportPrompt;

	private final AnswerStages stages;

	AskController(ChatClient.Builder chatClientBuilder, Prompts prompts, AnswerStages stages) {
		this.chatClient = chatClientBuilder.build();
		this.supportPrompt = prompts.supportPrompt();
		this.stages = stages;
	}

	@GetMapping("/ask")
	String ask(@RequestParam String q) {
		return this.chatClient.prompt().user(q).call().content();
	}

	@GetMapping("/ask-stream")
	String askStream(@RequestParam String q) {
		List<String> chunks = this.chatClient.prompt().user(q).stream().content().collectList().block();
		return String.join("", chunks);
	}

	@GetMapping("/ask-tool")
	String askTool(@RequestParam String q) {
		return this.chatClient.prompt().user(q).tools(new WeatherTools()).call().content();
	}

	@GetMapping("/ask-stages")
	String askStages(@RequestParam String q) {
		return this.stages.shape(this.chatClient, this.stages.buildPrompt(q));
	}

	@GetMapping("/ask-support")
	String askSupport() {
		return this.chatClient.prompt().user(this.supportPrompt).call().content();
	}

	static class WeatherTools {

		@Tool(description = "Current weather in a city")
		String weather(String city) {
			return "Sunny, 21 degrees, in " + city;
		}

	}

}
