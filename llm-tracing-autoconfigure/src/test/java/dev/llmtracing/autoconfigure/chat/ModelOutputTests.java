package dev.llmtracing.autoconfigure.chat;

import java.util.List;
import java.util.Map;

import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.ContentMode;
import dev.llmtracing.record.ExchangeContent;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModelOutput}.
 *
 * @author llm-tracing
 */
class ModelOutputTests {

	private static final Prompt PROMPT = new Prompt("Hello");

	@Test
	void completionDigestIsTheOneContentModeDigestRecords() {
		ChatResponse response = new ChatResponse(List.of(new Generation(new AssistantMessage("first answer")),
				new Generation(new AssistantMessage("second, with ünïcode 🙂"))));
		ExchangeContent content = new ContentCapture(ContentMode.DIGEST, (text) -> text, 2000, 10_000).capture(PROMPT,
				response);
		assertThat(content).isNotNull();
		Map<?, ?> completion = (Map<?, ?>) content.digest().get("completion");
		// the handler hands the record's digest to the quality signals instead of
		// computing it again: both must be the same SHA-256 of the same texts
		assertThat(completion.get("sha256")).isEqualTo(new ModelOutput(PROMPT, response, null).completionDigest());
	}

	@Test
	void knownCompletionDigestIsNotComputedAgain() {
		ChatResponse response = new ChatResponse(List.of(new Generation(new AssistantMessage("answer"))));
		assertThat(new ModelOutput(PROMPT, response, "known").completionDigest()).isEqualTo("known");
		assertThat(new ModelOutput(PROMPT, response, null).completionDigest()).hasSize(64);
	}

}
