package dev.llmtracing.sample.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * A request with hostile IDs and content, and its one model call, as records: what a page
 * showing records must display as inert text. The inbound ID filter never lets such IDs
 * in over HTTP, so tests hand these records to the listeners directly.
 *
 * @param exchange the record of its model call
 * @param request the record of the request
 * @author llm-tracing
 */
public record HostileRequest(ExchangeRecord exchange, RequestRecord request) {

	/** A prompt that is markup and script. */
	public static final String PROMPT = "<img src=x onerror=alert(1)></script><script>alert(2)</script>";

	/** A request ID that is markup. */
	public static final String REQUEST_ID = "<img src=x onerror=alert(3)>";

	/** A context ID that closes a script element. */
	public static final String CONTEXT_ID = "</script><img src=x onerror=alert(4)>";

	/** A user ID that starts with a right-to-left override. */
	public static final String USER_ID = "\u202Eevil";

	/** A stage name that is markup. */
	public static final String STAGE = "<svg onload=alert(5)>";

	/** The answer: markup, then 1 MB of text. */
	public static final String ANSWER = "</script>" + PROMPT + "A".repeat(1024 * 1024);

	/**
	 * Create the records of a hostile request that starts now.
	 * @return the records
	 */
	public static HostileRequest create() {
		String exchangeId = UUID.randomUUID().toString();
		Instant start = Instant.now();
		List<Map<String, Object>> input = List
			.of(Map.of("role", "user", "parts", List.of(Map.of("type", "text", "content", PROMPT))));
		List<Map<String, Object>> output = List.of(Map.of("role", "assistant", "parts",
				List.of(Map.of("type", "text", "content", ANSWER)), "finish_reason", "stop"));
		ExchangeRecord exchange = new ExchangeRecord(
				new ExchangeIds(exchangeId, REQUEST_ID, CONTEXT_ID, USER_ID, null, null),
				new ExchangeRequest("chat", "openai", "stand-in-small", 0.2, null, null, false, Map.of(), null, null,
						null),
				new ExchangeResponse("stand-in-small", "chatcmpl-hostile", List.of("stop"), false),
				new TokenUsage(12, 7), new Timing(start, 40_000_000L, null), Outcome.SUCCESS, null,
				new Cost(new BigDecimal("0.00002"), "USD"),
				new ExchangeContent("full", null, input, output, false, null, null), null);
		RequestRecord request = new RequestRecord(new TracingIds(REQUEST_ID, CONTEXT_ID, USER_ID), null, "/chat", 200,
				start, 50, List.of(exchangeId), Map.of("model", 40L, "other", 10L),
				new RequestTotals(1, 12L, 7L, new BigDecimal("0.00002"), "USD"), Outcome.SUCCESS, null, null, List.of(),
				null, List.of(new RequestActivity("stage", STAGE, Duration.ofMillis(1), Duration.ofMillis(4))));
		return new HostileRequest(exchange, request);
	}

}
