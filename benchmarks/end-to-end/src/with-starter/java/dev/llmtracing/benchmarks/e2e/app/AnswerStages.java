package dev.llmtracing.benchmarks.e2e.app;

import dev.llmtracing.stage.LlmStage;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Component;

/**
 * The two stages of {@code /ask-stages}, timed by the starter's aspect. The copy in
 * {@code src/without-starter} is the same class without the annotations.
 *
 * @author llm-tracing
 */
@Component
class AnswerStages {

	@LlmStage("prompt-build")
	String buildPrompt(String question) {
		return Prompts.stagedPrompt(question);
	}

	@LlmStage("output-shaping")
	String shape(ChatClient chatClient, String prompt) {
		return Prompts.shape(chatClient.prompt().user(prompt).call().content());
	}

}
