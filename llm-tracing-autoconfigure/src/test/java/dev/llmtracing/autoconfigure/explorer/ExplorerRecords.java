package dev.llmtracing.autoconfigure.explorer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.llmtracing.context.TracingIds;
import dev.llmtracing.cost.Cost;
import dev.llmtracing.record.ExchangeContent;
import dev.llmtracing.record.ExchangeIds;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.ExchangeResponse;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.Timing;
import dev.llmtracing.record.TokenUsage;
import dev.llmtracing.request.RequestActivity;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.request.RequestTotals;

/**
 * Request and exchange records for the explorer's tests.
 *
 * @author llm-tracing
 */
final class ExplorerRecords {

	static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

	private ExplorerRecords() {
	}

	static RequestRecord request(String requestId, String contextId, int second, Outcome outcome,
			String... exchangeIds) {
		return new RequestRecord(new TracingIds(requestId, contextId, "alice"), "4bf92f3577b34da6a3ce929d0e0e4736",
				"/chat", 200, START.plusSeconds(second), 120, List.of(exchangeIds), Map.of("model", 100L, "other", 20L),
				new RequestTotals(exchangeIds.length, 10L * exchangeIds.length, 5L * exchangeIds.length,
						new BigDecimal("0.001"), "USD"),
				outcome, (outcome == Outcome.ERROR) ? "java.io.IOException" : null, null, List.of(), null,
				List.of(new RequestActivity("stage", "prompt-build", Duration.ofNanos(1_234_567), Duration.ofMillis(5)),
						new RequestActivity("model", "model", Duration.ofMillis(10), Duration.ofMillis(100))));
	}

	static ExchangeRecord exchange(String exchangeId, String requestId, String model, String prompt) {
		ExchangeContent content = new ExchangeContent("full", null,
				List.of(Map.of("role", "user", "parts", List.of(Map.of("type", "text", "content", prompt)))),
				List.of(Map.of("role", "assistant", "parts", List.of(Map.of("type", "text", "content", "ok")),
						"finish_reason", "stop")),
				false, null, null);
		return new ExchangeRecord(
				new ExchangeIds(exchangeId, requestId, "ctx-1", "alice", "4bf92f3577b34da6a3ce929d0e0e4736",
						"00f067aa0ba902b7"),
				new ExchangeRequest("chat", "openai", model, 0.0, null, null, false, Map.of(), null, null, null),
				new ExchangeResponse(model, "chatcmpl-1", List.of("stop"), false), new TokenUsage(10, 5),
				new Timing(START, 100_000_000L, null), Outcome.SUCCESS, null, new Cost(new BigDecimal("0.001"), "USD"),
				content, null);
	}

}
