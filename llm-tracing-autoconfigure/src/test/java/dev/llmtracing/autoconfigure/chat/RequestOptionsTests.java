package dev.llmtracing.autoconfigure.chat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestOptions}.
 *
 * @author llm-tracing
 */
class RequestOptionsTests {

	@Test
	void readsTheSeedOfProviderOptionsThatHaveOne() {
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.model("gpt-4o-mini")
			.seed(7)
			.stop(List.of("END"))
			.frequencyPenalty(0.5)
			.build();
		assertThat(RequestOptions.of(options)).containsEntry("gen_ai.request.seed", 7)
			.containsEntry("gen_ai.request.stop_sequences", List.of("END"))
			.containsEntry("gen_ai.request.frequency_penalty", 0.5)
			.doesNotContainKey("gen_ai.request.presence_penalty");
	}

	@Test
	void portableOptionsHaveNoSeed() {
		ChatOptions options = ChatOptions.builder().model("m").topK(40).build();
		assertThat(RequestOptions.of(options)).containsOnlyKeys("gen_ai.request.top_k");
		assertThat(RequestOptions.of(null)).isEmpty();
	}

}
