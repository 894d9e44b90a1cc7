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
		return new ExchangeRecord(new ExchangeIds("ex-1", "req-1", "ctx-1", "user-1", "trace-1", "span-1"),
				new ExchangeRequest("chat", "openai", "gpt-4o-mini", 0.7, 0.9, 256, true,
						java.util.Map.of("gen_ai.request.seed", 42, "gen_ai.request.stop_sequences", List.of("END")),
						"conv-1", "support", "v3"),
				new ExchangeResponse("gpt-4o-mini-2024-07-18", "chatcmpl-1", List.of("stop", "length"), false),
				new TokenUsage(12, 34), new Timing(Instant.parse("2026-01-02T03:04:05Z"), 1_234_567_000L, 45_678_000L),
				Outcome.SUCCESS, null, new Cost(new BigDecimal("0.0001234"), "USD"), null, null);
	}

	public static ExchangeRecord minimal() {
		return new ExchangeRecord(new ExchangeIds("ex-2", null, null, null, null, null),
				new ExchangeRequest("chat", null, null, null, null, null, false, java.util.Map.of(), null, null, null),
				new ExchangeResponse(null, null, List.of(), false), TokenUsage.UNKNOWN,
				new Timing(Instant.parse("2026-01-02T03:04:05Z"), 5_000_000L, null), Outcome.ERROR,
				"java.io.IOException", null, null, null);
	}

	public static ExchangeRecord withContent(ExchangeContent content) {
		ExchangeRecord c = complete();
		ExchangeIds ids = c.ids();
		return new ExchangeRecord(
				new ExchangeIds("0b6f2c8e-2d0c-4d0e-9a51-3f1f8c1d2e3a", ids.requestId(), ids.contextId(), ids.userId(),
						"4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"),
				c.request(), c.response(), c.usage(), c.timing(), c.outcome(), null, c.cost(), content, null);
	}

}
