package dev.llmtracing.autoconfigure.explorer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.feedback.FeedbackRecord;
import dev.llmtracing.record.ExchangeFields;
import dev.llmtracing.record.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecentRequests}.
 *
 * @author llm-tracing
 */
class RecentRequestsTests {

	private static final long MEGABYTE = 1024 * 1024;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	@SuppressWarnings("unchecked")
	void shouldJoinExchangesToTheirRequestWhicheverArrivesFirst() {
		RecentRequests ring = new RecentRequests(10, 16 * MEGABYTE, MdcKeys.DEFAULT);
		ring.onExchange(ExplorerRecords.exchange("ex-1", "req-1", "gpt-a", "first"));
		ring.onRequest(ExplorerRecords.request("req-1", "ctx-1", 0, Outcome.SUCCESS, "ex-1", "ex-2"));
		ring.onExchange(ExplorerRecords.exchange("ex-2", "req-1", "gpt-b", "second"));
		List<Map<String, Object>> found = ring.find((request) -> true, 10);
		assertThat(found).singleElement().satisfies((request) -> {
			assertThat(fields(request, "request")).containsEntry("requestId", "req-1");
			assertThat(exchanges(request)).extracting((exchange) -> exchange.get("exchangeId"))
				.containsExactly("ex-1", "ex-2");
			assertThat((List<Map<String, Object>>) request.get("activities")).containsExactly(
					Map.of("part", "stage", "name", "prompt-build", "offsetMs", 1.235, "durationMs", 5.0),
					Map.of("part", "model", "name", "model", "offsetMs", 10.0, "durationMs", 100.0));
		});
	}

	@Test
	void shouldListNewestFirstAndKeepTheMostRecentRequests() {
		RecentRequests ring = new RecentRequests(3, 16 * MEGABYTE, MdcKeys.DEFAULT);
		for (int i = 0; i < 5; i++) {
			ring.onRequest(ExplorerRecords.request("req-" + i, "ctx", i, Outcome.SUCCESS));
		}
		assertThat(ring.find((request) -> true, 10))
			.extracting((request) -> fields(request, "request").get("requestId"))
			.containsExactly("req-4", "req-3", "req-2");
		assertThat(ring.state()).containsEntry("requests", 3).containsEntry("dropped", 2L);
	}

	@Test
	void shouldStayUnderTheByteBoundWhenFilledWithOneMegabytePrompts() {
		long maxBytes = 8 * MEGABYTE;
		RecentRequests ring = new RecentRequests(500, maxBytes, MdcKeys.DEFAULT);
		String prompt = "x".repeat((int) MEGABYTE);
		for (int i = 0; i < 40; i++) {
			ring.onExchange(ExplorerRecords.exchange("ex-" + i, "req-" + i, "gpt-a", prompt));
			ring.onRequest(ExplorerRecords.request("req-" + i, "ctx", i, Outcome.SUCCESS, "ex-" + i));
			assertThat(ring.bytes()).isLessThanOrEqualTo(maxBytes);
		}
		List<Map<String, Object>> kept = ring.find((request) -> true, 1000);
		assertThat(kept).hasSizeBetween(6, 8);
		assertThat(fields(kept.get(0), "request")).containsEntry("requestId", "req-39");
		assertThat(exchanges(kept.get(0))).singleElement()
			.satisfies((exchange) -> assertThat(exchange).containsKey(ExchangeFields.INPUT_MESSAGES));
		// what is held, written as JSON, is no larger than the estimate
		assertThat((long) mapper.writeValueAsString(kept).length()).isLessThanOrEqualTo(maxBytes);
	}

	@Test
	void shouldKeepAnExchangeLargerThanTheBoundWithoutItsMessages() {
		long maxBytes = 512 * 1024;
		RecentRequests ring = new RecentRequests(500, maxBytes, MdcKeys.DEFAULT);
		ring.onExchange(ExplorerRecords.exchange("ex-1", "req-1", "gpt-a", "x".repeat((int) MEGABYTE)));
		ring.onRequest(ExplorerRecords.request("req-1", "ctx", 0, Outcome.SUCCESS, "ex-1"));
		assertThat(ring.bytes()).isLessThanOrEqualTo(maxBytes);
		Map<String, Object> exchange = exchanges(ring.find((request) -> true, 1).get(0)).get(0);
		assertThat(exchange).doesNotContainKeys(ExchangeFields.INPUT_MESSAGES, ExchangeFields.OUTPUT_MESSAGES)
			.containsEntry(ExchangeFields.CONTENT_TRUNCATED, true)
			.containsEntry(ExchangeFields.CONTENT_MODE, "full")
			.containsEntry(ExchangeFields.USAGE_INPUT_TOKENS, 10);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldAttachFeedbackByExchangeOrRequest() {
		RecentRequests ring = new RecentRequests(10, 16 * MEGABYTE, MdcKeys.DEFAULT);
		ring.onExchange(ExplorerRecords.exchange("ex-1", "req-1", "gpt-a", "hi"));
		ring.onRequest(ExplorerRecords.request("req-1", "ctx-1", 0, Outcome.SUCCESS, "ex-1"));
		ring.onFeedback(new FeedbackRecord("ex-1", null, null, "bob", "thumbs", 1.0, null, null, null, Instant.now()));
		ring.onFeedback(
				new FeedbackRecord(null, "req-1", null, "bob", "rating", null, "good", null, null, Instant.now()));
		ring.onFeedback(
				new FeedbackRecord("ex-9", "req-9", null, "bob", "thumbs", 0.0, null, null, null, Instant.now()));
		List<Map<String, Object>> feedback = (List<Map<String, Object>>) ring.find((request) -> true, 1)
			.get(0)
			.get("feedback");
		assertThat(feedback).extracting((entry) -> entry.get("gen_ai.evaluation.name"))
			.containsExactly("thumbs", "rating");
	}

	@Test
	void shouldFilterByQuery() {
		RecentRequests ring = new RecentRequests(10, 16 * MEGABYTE, MdcKeys.DEFAULT);
		ring.onExchange(ExplorerRecords.exchange("ex-1", "req-1", "gpt-a", "hi"));
		ring.onRequest(ExplorerRecords.request("req-1", "ctx-1", 0, Outcome.SUCCESS, "ex-1"));
		ring.onExchange(ExplorerRecords.exchange("ex-2", "req-2", "gpt-b", "hi"));
		ring.onRequest(ExplorerRecords.request("req-2", "ctx-2", 10, Outcome.ERROR, "ex-2"));
		assertThat(ids(ring, RequestQuery.of(null, null, null, "gpt-b", null, null, null))).containsExactly("req-2");
		assertThat(ids(ring, RequestQuery.of(null, "ctx-1", null, null, null, null, null))).containsExactly("req-1");
		assertThat(ids(ring, RequestQuery.of(null, null, null, null, "error", null, null))).containsExactly("req-2");
		assertThat(ids(ring, RequestQuery.of(null, null, "alice", null, null, "2026-12-01T10:00:05Z", null)))
			.containsExactly("req-2");
		assertThat(ids(ring, RequestQuery.of("", null, null, null, null, null, "2026-12-01T10:00:05Z")))
			.containsExactly("req-1");
	}

	private static List<Object> ids(RecentRequests ring, RequestQuery query) {
		return ring.find(query, 10).stream().map((request) -> fields(request, "request").get("requestId")).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> fields(Map<String, Object> request, String key) {
		return (Map<String, Object>) request.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> exchanges(Map<String, Object> request) {
		return (List<Map<String, Object>>) request.get("exchanges");
	}

}
