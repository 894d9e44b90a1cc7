package dev.llmtracing.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.record.RecordSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of request records: real HTTP into a Spring MVC application with
 * stages, the real Spring AI OpenAI client against the stand-in model, and the records as
 * logstash-logback-encoder writes them.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = RequestTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestRecordIT extends StandInModelIT {

	@LocalServerPort
	private int port;

	private RestClient client;

	@Autowired
	private IdScopes idScopes;

	@Autowired
	private ChatClient chatClient;

	@BeforeEach
	void reset() {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		standIn.server().reset();
		capture.clear();
	}

	@Test
	void oneRecordPerRequestWhoseBreakdownAddsUpAndLinksTheExchanges() {
		post("/answer/0", "hello", "req-plain-1");
		Map<String, Object> record = awaitRequest("req-plain-1");
		assertThat(record).containsEntry("http.route", "/answer/{sleep}")
			.containsEntry("http.response.status_code", 200)
			.containsEntry("outcome", "success")
			.containsEntry("llm.request.model_calls", 1)
			.containsKeys("startTime", "traceId", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens")
			.as("a response that is not streamed has no time to first byte")
			.doesNotContainKey("timeToFirstByteMs");
		RequestRecords.assertAddsUp(record);
		List<Map<String, Object>> exchanges = capture.records();
		assertThat(record.get("exchangeIds")).isEqualTo(List.of(exchanges.get(0).get("exchangeId")));
		assertThat(RequestRecords.breakdown(record)).containsKey("model");
	}

	@Test
	void aSlowerModelMovesItsTimeIntoModel() {
		post("/answer/0", "[delay:300] hello", "req-slow-1");
		Map<String, Object> slowRecord = awaitRequest("req-slow-1");
		RequestRecords.assertAddsUp(slowRecord);
		// the 300 ms are in the model part, which is the model call's own time (whole
		// milliseconds); no upper bound on how long a loaded machine takes
		assertThat(RequestRecords.breakdown(slowRecord).get("model")).isGreaterThanOrEqualTo(299L)
			.isBetween(modelCallMillis("req-slow-1") - 1, modelCallMillis("req-slow-1") + 1);
	}

	@Test
	void aSlowerStageMovesItsTimeIntoThatStage() {
		post("/answer/200", "hello", "req-stage-1");
		Map<String, Object> record = awaitRequest("req-stage-1");
		RequestRecords.assertAddsUp(record);
		assertThat(RequestRecords.breakdown(record).get("prompt-build")).isGreaterThanOrEqualTo(195L);
		assertThat(RequestRecords.breakdown(record).get("model")).as("the model call's own time, not the stage's")
			.isLessThanOrEqualTo(modelCallMillis("req-stage-1") + 1);
	}

	@Test
	void aFailingStageGivesAnErrorRecordAndTheCallerItsException() {
		ResponseEntity<String> response = post("/failing", "hello", "req-fail-1");
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(RequestTestApplication.seenByCaller.get()).isSameAs(RequestTestApplication.STAGE_FAILURE);
		Map<String, Object> record = awaitRequest("req-fail-1");
		assertThat(record).containsEntry("outcome", "error")
			.containsEntry("error.type", IllegalStateException.class.getName())
			.containsEntry("http.response.status_code", 500);
		RequestRecords.assertAddsUp(record);
	}

	@Test
	void parallelModelCallsCountOnce() {
		post("/parallel", "[delay:300] hello", "req-parallel-1");
		Map<String, Object> record = awaitRequest("req-parallel-1");
		assertThat(record).containsEntry("llm.request.model_calls", 2);
		assertThat((List<?>) record.get("exchangeIds")).hasSize(2);
		RequestRecords.assertAddsUp(record);
		// counted once: at least the longer call, less than the two calls added up
		// (each waits 300 ms on the stand-in, side by side)
		List<Long> calls = exchangeMillis("req-parallel-1");
		assertThat(RequestRecords.breakdown(record).get("model"))
			.isGreaterThanOrEqualTo(Math.max(calls.get(0), calls.get(1)) - 1)
			.isLessThan(calls.get(0) + calls.get(1) - 100);
	}

	@Test
	void anSseStreamIsRecordedWhenTheResponseCompletes() {
		String body = post("/stream", "[delay:200] one two three", "req-sse-1").getBody();
		assertThat(body).contains("data:");
		Map<String, Object> record = awaitRequest("req-sse-1");
		assertThat(record).containsEntry("http.route", "/stream")
			.containsEntry("llm.request.model_calls", 1)
			.containsEntry("outcome", "success");
		RequestRecords.assertAddsUp(record);
		assertThat(RequestRecords.breakdown(record).get("prompt-build")).isGreaterThanOrEqualTo(45L);
		assertThat(RequestRecords.breakdown(record).get("model")).isGreaterThanOrEqualTo(200L);
	}

	@Test
	void anSseStreamsTimeToFirstByteIsWhenItsFirstChunkWasWritten() {
		post("/stream", "[delay:200] [chunk-delay:150] one two three four", "req-sse-ttfb");
		Map<String, Object> record = awaitRequest("req-sse-ttfb");
		long firstByte = ((Number) record.get("timeToFirstByteMs")).longValue();
		long duration = ((Number) record.get("durationMs")).longValue();
		// the model answers its first chunk after 200 ms, and each further one 150 ms
		// later: the first byte waits for the first, the duration for all of them
		assertThat(firstByte).as("time to first byte").isGreaterThanOrEqualTo(200L);
		assertThat(duration - firstByte).as("time after the first byte").isGreaterThanOrEqualTo(300L);
	}

	@Test
	void workOutsideHttpIsRecordedWhenItsIdScopeCloses() throws InterruptedException {
		try (IdScope scope = this.idScopes.open("job-req-1", "job-ctx-1", null)) {
			this.chatClient.prompt().user("[delay:100] nightly summary").call().content();
			Thread.sleep(150);
		}
		Map<String, Object> record = awaitRequest("job-req-1");
		assertThat(record).containsEntry("contextId", "job-ctx-1")
			.containsEntry("llm.request.model_calls", 1)
			.containsEntry("outcome", "success")
			.doesNotContainKeys("http.route", "http.response.status_code");
		assertThat(((Number) record.get("durationMs")).longValue()).as("from opening to closing the scope")
			.isGreaterThanOrEqualTo(250L);
		assertThat(RequestRecords.breakdown(record).get("model")).isGreaterThanOrEqualTo(100L);
		assertThat(RequestRecords.breakdown(record).get("other")).isGreaterThanOrEqualTo(150L);
		RequestRecords.assertAddsUp(record);
	}

	@Test
	void aToolLoopRecordsEveryModelRound() {
		post("/tools", "What time is it in Osaka?", "req-tools-1");
		Map<String, Object> record = awaitRequest("req-tools-1");
		assertThat(record).containsEntry("llm.request.model_calls", 2);
		RequestRecords.assertAddsUp(record);
		assertThat(RequestRecords.breakdown(record).get("tool")).as("the tool's own time, %s", record)
			.isGreaterThanOrEqualTo(RequestTestApplication.Clock.TOOL_MILLIS);
	}

	@Test
	void aStreamedToolLoopFollowsTheToolRunOnAReactorThread() {
		assertThat(post("/tools-stream", "What time is it in Osaka?", "req-tools-stream-1").getBody())
			.contains("12:00");
		Map<String, Object> record = awaitRequest("req-tools-stream-1");
		assertThat(record).containsEntry("llm.request.model_calls", 2);
		RequestRecords.assertAddsUp(record);
		// the tool runs on a thread of Reactor's bounded elastic scheduler, which holds
		// no IDs: its request is found through the observations above it
		assertThat(RequestRecords.breakdown(record).get("tool")).as("the tool's own time, %s", record)
			.isGreaterThanOrEqualTo(RequestTestApplication.Clock.TOOL_MILLIS);
	}

	@Test
	void requestsWithoutModelCallsGetNoRecord() {
		this.client.get().uri("/nothing").retrieve().toBodilessEntity();
		post("/answer/0", "hello", "req-after-1");
		awaitRequest("req-after-1");
		assertThat(capture.records("llm.tracing.request")).hasSize(1);
	}

	private ResponseEntity<String> post(String path, String body, String requestId) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.header("X-Request-Id", requestId)
			.accept(MediaType.ALL)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private static Map<String, Object> awaitRequest(String requestId) {
		Map<String, Object> record = RequestRecords.awaitAll(capture, requestId).get(0);
		RecordSchema.assertValidRequest(record);
		return record;
	}

	private static long modelCallMillis(String requestId) {
		List<Long> calls = exchangeMillis(requestId);
		assertThat(calls).as("model calls of %s", requestId).hasSize(1);
		return calls.get(0);
	}

	private static List<Long> exchangeMillis(String requestId) {
		return capture.records("llm.tracing.exchange")
			.stream()
			.filter((exchange) -> requestId.equals(exchange.get("requestId")))
			.map((exchange) -> (long) ((Number) exchange.get("durationMs")).doubleValue())
			.toList();
	}

}
