package dev.llmtracing.sample;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.llmtracing.advisor.LlmTracingParams;
import dev.llmtracing.stage.LlmStage;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.chat.prompt.PromptTemplate;
import org.springframework.ai.document.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The stages of the trip endpoint that are the application's own: building the prompt
 * from a template and the retrieved guides, and shaping the model's output into a
 * {@link TripAdvice}. Each is an {@link LlmStage}, so the request record shows its time
 * apart from the model's and the retrieval's.
 *
 * @author llm-tracing
 */
@Component
class TripPipeline {

	private final PromptTemplate template;

	private final ChatClient chatClient;

	TripPipeline(@Value("classpath:prompts/trip.st") Resource template, ChatClient chatClient) {
		this.template = PromptTemplate.builder().resource(template).build();
		this.chatClient = chatClient;
	}

	/**
	 * Build the prompt: the question and the guides found for it, in the template.
	 * @param question the traveller's question
	 * @param guides the guides retrieved for the question
	 * @return the prompt
	 */
	@LlmStage("prompt-build")
	Prompt buildPrompt(String question, List<Document> guides) {
		String context = guides.stream()
			.map((guide) -> "- " + guide.getMetadata().get("destination") + ": " + guide.getText())
			.collect(Collectors.joining("\n"));
		return this.template.create(Map.of("question", question, "guides", context));
	}

	/**
	 * Call the model and shape its JSON answer into a record: Spring AI adds the JSON
	 * Schema of the record to the prompt and parses the answer.
	 * @param prompt the prompt
	 * @return the advice
	 */
	@LlmStage("output-shaping")
	TripAdvice shape(Prompt prompt) {
		TripAdvice advice = this.chatClient.prompt(prompt)
			.advisors((advisor) -> advisor.param(LlmTracingParams.PROMPT_NAME, "sample-trip")
				.param(LlmTracingParams.PROMPT_VERSION, "v1"))
			.call()
			.entity(TripAdvice.class);
		if (advice == null) {
			throw new IllegalStateException("The model gave no advice");
		}
		return advice;
	}

}
