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
				null, 45_678_000L, new Cost(new BigDecimal("0.0001234"), "USD"), false, null);
	}

	public static ExchangeRecord minimal() {
		return new ExchangeRecord("ex-2", Instant.parse("2026-01-02T03:04:05Z"), null, null, null, null, null, "chat",
				null, null, null, null, null, null, null, List.of(), null, null, false, null, null, null, 5_000_000L,
				Outcome.ERROR, "java.io.IOException", null, null, false, null);
	}

}
