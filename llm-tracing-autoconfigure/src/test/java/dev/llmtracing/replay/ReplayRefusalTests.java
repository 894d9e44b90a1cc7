package dev.llmtracing.replay;

import java.util.List;
import java.util.Map;

import dev.llmtracing.content.ContentDigests;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that records without content are refused plainly, and that a digest record can
 * check a supplied prompt.
 *
 * @author llm-tracing
 */
class ReplayRefusalTests {

	private final ChatModel unusedModel = new ChatModel() {

		@Override
		public ChatResponse call(Prompt prompt) {
			throw new AssertionError("a refused replay must not call the model");
		}

	};

	@Test
	void recordWithoutContentIsRefusedWithAClearMessage() {
		Map<String, Object> record = Map.of("exchangeId", "ex-1", "gen_ai.request.model", "m");
		assertThatExceptionOfType(ReplayException.class)
			.isThrownBy(() -> new ExchangeReplayer().replay(record, this.unusedModel, null, false))
			.withMessageContaining("ex-1 was recorded without content (llm.tracing.content.mode=none)")
			.withMessageContaining("cannot be replayed");
	}

	@Test
	void digestRecordIsRefusedButCanCheckAPrompt() {
		Map<String, Object> record = Map.of("exchangeId", "ex-2", "llm.content.mode", "digest", "llm.content.digest",
				Map.of("user", Map.of("sha256", ContentDigests.sha256(List.of("What is my balance?")))));
		assertThatExceptionOfType(ReplayException.class)
			.isThrownBy(() -> new ExchangeReplayer().replay(record, this.unusedModel, null, false))
			.withMessageContaining("llm.tracing.content.mode=digest")
			.withMessageContaining("DigestCheck");
		assertThat(DigestCheck.matches(record, "user", List.of("What is my balance?"))).isTrue();
		assertThat(DigestCheck.matches(record, "user", List.of("What is my balance"))).isFalse();
		assertThatExceptionOfType(ReplayException.class)
			.isThrownBy(() -> DigestCheck.matches(record, "system", List.of("x")));
	}

}
