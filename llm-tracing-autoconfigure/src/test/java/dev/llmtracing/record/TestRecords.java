package dev.llmtracing.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.llmtracing.cost.Cost;

/**
 * Exchange records for tests.
 *
 * @author llm-tracing
 */
public final class TestRecords {

	private TestRecords() {
	}

	public static ExchangeRecord complete() {
		return new ExchangeRecord("ex-1", Instant.parse("2026-01-02T03:04:05Z"), "req-1", "ctx-1", "user-1", "trace-1",
				"span-1", "chat", "openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", 0.7, 0.9, 256, "chatcmpl-1",
				List.of("stop", "length"), 12, 34, true, "conv-1", "support", "v3", 1_234_567_000L, Outcome.SUCCESS,
				null, 45_678_000L, new Cost(new BigDecimal("0.0001234"), "USD"), false, null,
				java.util.Map.of("gen_ai.request.seed", 42, "gen_ai.request.stop_sequences", List.of("END")), null);
	}

	public static ExchangeRecord minimal() {
		return new ExchangeRecord("ex-2", Instant.parse("2026-01-02T03:04:05Z"), null, null, null, null, null, "chat",
				null, null, null, null, null, null, null, List.of(), null, null, false, null, null, null, 5_000_000L,
				Outcome.ERROR, "java.io.IOException", null, null, false, null, java.util.Map.of(), null);
	}

	public static ExchangeRecord withContent(ExchangeContent content) {
		ExchangeRecord c = complete();
		return new ExchangeRecord("0b6f2c8e-2d0c-4d0e-9a51-3f1f8c1d2e3a", c.startTime(), c.requestId(), c.contextId(),
				c.userId(), "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", c.operationName(), c.providerName(),
				c.requestModel(), c.responseModel(), c.temperature(), c.topP(), c.maxTokens(), c.responseId(),
				c.finishReasons(), c.inputTokens(), c.outputTokens(), c.stream(), c.conversationId(), c.promptName(),
				c.promptVersion(), c.durationNanos(), c.outcome(), null, c.timeToFirstChunkNanos(), c.cost(), false,
				content, c.requestOptions(), null);
	}

}
