package dev.llmtracing.benchmarks.e2e.app;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Component;

/**
 * The two stages of {@code /ask-stages}, without the starter. The copy in
 * {@code src/with-starter} is the same class with {@code @LlmStage} annotations.
 *
 * @author llm-tracing
 */
@Component
class AnswerStages {

	String buildPrompt(String question) {
		return Prompts.stagedPrompt(question);
	}

	String shape(ChatClient chatClient, String prompt) {
		return Prompts.shape(chatClient.prompt().user(prompt).call().content());
	}

}
