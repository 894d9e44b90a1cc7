package dev.llmtracing.it;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads the request records that a {@link RecordCapture} holds, as the end-to-end tests
 * of servlet, WebFlux and gRPC applications look at them.
 *
 * @author llm-tracing
 */
final class RequestRecords {

	static final String LOGGER = "llm.tracing.request";

	private RequestRecords() {
	}

	/**
	 * Wait until the capture holds a request record with the given request ID, and return
	 * every record with it.
	 */
	static List<Map<String, Object>> awaitAll(RecordCapture capture, String requestId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !of(capture, requestId).isEmpty());
		return of(capture, requestId);
	}

	/**
	 * Wait until the capture holds at least the given number of request records, and
	 * return them all.
	 */
	static List<Map<String, Object>> awaitCount(RecordCapture capture, int count) {
		await().atMost(Duration.ofSeconds(60)).until(() -> capture.records(LOGGER).size() >= count);
		return capture.records(LOGGER);
	}

	/**
	 * Wait for the one request record of a request ID, and return it.
	 */
	static Map<String, Object> awaitOne(RecordCapture capture, String requestId) {
		List<Map<String, Object>> records = awaitAll(capture, requestId);
		assertThat(records).as("request records of %s", requestId).hasSize(1);
		return records.get(0);
	}

	/**
	 * The breakdown of a record, in whole milliseconds by part.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Long> breakdown(Map<String, Object> record) {
		Map<String, Long> millis = new LinkedHashMap<>();
		((Map<String, Number>) record.get("breakdown")).forEach((part, value) -> millis.put(part, value.longValue()));
		return millis;
	}

	/**
	 * Assert that the parts of a record's breakdown add up to its duration.
	 */
	static void assertAddsUp(Map<String, Object> record) {
		long duration = ((Number) record.get("durationMs")).longValue();
		assertThat(breakdown(record).values().stream().mapToLong(Long::longValue).sum()).as("breakdown of %s", record)
			.isEqualTo(duration);
	}

	private static List<Map<String, Object>> of(RecordCapture capture, String requestId) {
		return capture.records(LOGGER).stream().filter((record) -> requestId.equals(record.get("requestId"))).toList();
	}

}
