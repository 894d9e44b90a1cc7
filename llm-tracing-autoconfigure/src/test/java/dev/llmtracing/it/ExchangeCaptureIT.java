package dev.llmtracing.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.openai.errors.InternalServerException;
import dev.llmtracing.record.RecordSchema;
import dev.llmtracing.standin.StandInReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of the capture: real HTTP into a Spring MVC application, the real
 * Spring AI OpenAI client over real HTTP to the stand-in model, and the exchange records
 * as logstash-logback-encoder writes them.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = CaptureTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=1", "management.tracing.sampling.probability=1.0" })
class ExchangeCaptureIT extends StandInModelIT {

	@LocalServerPort
	private int port;

	@Autowired
	private ChatModel chatModel;

	private RestClient client;

	@BeforeEach
	void reset() {
		this.client = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
		if (!capture.records().isEmpty()) {
			settle();
		}
		standIn.server().reset();
		capture.clear();
		CaptureTestApplication.mdcOnArrival.clear();
	}

	@AfterEach
	void noInstrumentationFailures() {
		assertThat(capture.events())
			.noneMatch((event) -> event.getFormattedMessage().contains("instrumentation failure"));
	}

	@Test
	void callRecordsHeaderIdsModelSettingsAndTokens() {
		ResponseEntity<String> response = post("/call", "Hello model",
				Map.of("X-Request-Id", "req-call-1", "X-Context-Id", "ctx-1", "X-User-Id", "alice"));
		assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-call-1");
		Map<String, Object> record = awaitRecords(1).get(0);
		StandInReply reply = standIn.server().getReplies().get(0);
		assertThat(record).containsEntry("requestId", "req-call-1")
			.containsEntry("contextId", "ctx-1")
			.containsEntry("userId", "alice")
			.containsEntry("gen_ai.operation.name", "chat")
			.containsEntry("gen_ai.provider.name", "openai")
			.containsEntry("gen_ai.request.model", "stand-in-it")
			.containsEntry("gen_ai.response.model", "stand-in-it")
			.containsEntry("gen_ai.request.temperature", 0.4)
			.containsEntry("gen_ai.request.max_tokens", 64)
			.containsEntry("gen_ai.request.stream", false)
			.containsEntry("gen_ai.response.id", reply.id())
			.containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
			.containsEntry("gen_ai.usage.input_tokens", reply.promptTokens())
			.containsEntry("gen_ai.usage.output_tokens", reply.completionTokens())
			.containsEntry("outcome", "success")
			.containsKeys("exchangeId", "traceId", "spanId", "durationMs", "startTime")
			.doesNotContainKey("error.type");
		assertThat(record.get("durationMs")).isInstanceOf(Number.class);
		assertThat(String.valueOf(record)).doesNotContain("Hello model");
	}

	@Test
	void streamThroughMemoryAdvisorRecordsOnceWithCallerIdsAndFinalUsage() {
		ResponseEntity<String> response = post("/stream", "Tell me a story [chunk-delay:50]",
				Map.of("X-Request-Id", "req-stream-1", "X-Context-Id", "ctx-2"));
		assertThat(response.getBody()).contains("story");
		Map<String, Object> record = awaitRecords(1).get(0);
		StandInReply reply = standIn.server().getReplies().get(0);
		assertThat(record).containsEntry("requestId", "req-stream-1")
			.containsEntry("contextId", "ctx-2")
			.containsEntry("gen_ai.request.stream", true)
			.containsEntry("gen_ai.conversation.id", "memory-1")
			.containsEntry("gen_ai.usage.input_tokens", reply.promptTokens())
			.containsEntry("gen_ai.usage.output_tokens", reply.completionTokens())
			.containsEntry("outcome", "success");
		assertThat((String) record.get("thread_name")).isEqualTo("llm-tracing-exchange-writer");
		// the model sends a chunk every 50 ms: the first one long before the last
		assertThat(((Number) record.get("timeToFirstChunkMs")).doubleValue()).isPositive()
			.isLessThan(((Number) record.get("durationMs")).doubleValue() - 40);
	}

	@Test
	void streamWhoseFirstChunkReachesTheClientAfterTheModelStoppedHasItsTimeToFirstChunk() {
		post("/held-stream", "Tell me a story", Map.of("X-Request-Id", "req-held-1"));
		Map<String, Object> record = awaitRecords(1).get(0);
		double duration = ((Number) record.get("durationMs")).doubleValue();
		// the chunks reach the ChatClient's outermost advisor only when the holding
		// advisor lets them go, after the model's stream completed
		assertThat(record).containsEntry("requestId", "req-held-1").containsEntry("outcome", "success");
		assertThat(((Number) record.get("timeToFirstChunkMs")).doubleValue())
			.isGreaterThanOrEqualTo(duration + CaptureTestApplication.HoldingAdvisor.HOLD.toMillis() - 1);
	}

	@Test
	void streamedToolLoopTimesTheFirstChunkOfTheRoundThatAnswers() {
		String answer = post("/tools-stream", "What time is it in Osaka? [chunk-delay:20]",
				Map.of("X-Request-Id", "req-tools-ttfc"))
			.getBody();
		assertThat(answer).contains("Osaka");
		List<Map<String, Object>> records = awaitRecords(2);
		// the tool call of the first round never reaches the client, and the answer's
		// first chunk is the second round's, not the first's
		assertThat(records.get(0)).containsEntry("gen_ai.response.finish_reasons", List.of("tool_calls"))
			.doesNotContainKey("timeToFirstChunkMs");
		assertThat(((Number) records.get(1).get("timeToFirstChunkMs")).doubleValue()).isPositive()
			.isLessThan(((Number) records.get(1).get("durationMs")).doubleValue());
	}

	@Test
	void directModelCallAndStreamRecordOnceEach() {
		post("/direct", "Direct question", Map.of("X-Request-Id", "req-direct-1"));
		post("/direct-stream", "Direct stream", Map.of("X-Request-Id", "req-direct-2"));
		List<Map<String, Object>> records = awaitRecords(2);
		assertThat(records).extracting((record) -> record.get("requestId"))
			.containsExactlyInAnyOrder("req-direct-1", "req-direct-2");
		assertThat(records).allSatisfy((record) -> assertThat(record).containsEntry("outcome", "success")
			.containsKey("gen_ai.usage.output_tokens"));
	}

	@Test
	void toolCallingLoopRecordsEachModelRound() {
		String answer = post("/tools", "What time is it in Osaka?", Map.of("X-Request-Id", "req-tools-1")).getBody();
		assertThat(answer).contains("12:00 in Osaka");
		List<Map<String, Object>> records = awaitRecords(2);
		List<StandInReply> replies = standIn.server().getReplies();
		assertThat(replies).hasSize(2);
		assertThat(records).allSatisfy((record) -> assertThat(record).containsEntry("requestId", "req-tools-1"));
		assertThat(records.get(0)).containsEntry("gen_ai.response.finish_reasons", List.of("tool_calls"))
			.containsEntry("gen_ai.usage.input_tokens", replies.get(0).promptTokens())
			.containsEntry("gen_ai.usage.output_tokens", replies.get(0).completionTokens());
		assertThat(records.get(1)).containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
			.containsEntry("gen_ai.usage.input_tokens", replies.get(1).promptTokens());
		assertThat(records.get(0).get("exchangeId")).isNotEqualTo(records.get(1).get("exchangeId"));
	}

	@Test
	void cancelledStreamIsRecordedAsCancelled() {
		this.chatModel.stream(new Prompt("one two three four five six seven eight nine ten")).take(2).blockLast();
		Map<String, Object> record = awaitRecords(1).get(0);
		assertThat(record).containsEntry("outcome", "cancelled").containsEntry("gen_ai.request.stream", true);
	}

	@Test
	void modelErrorIsRecordedAndCallerGetsTheSameExceptionAsWithoutTheStarter() {
		Throwable withStarter = catchThrowable(() -> this.chatModel.call(new Prompt("fail please [error:500]")));
		Map<String, Object> record = awaitRecords(1).get(0);
		assertThat(record).containsEntry("outcome", "error")
			.containsEntry("error.type", withStarter.getClass().getName())
			.doesNotContainKey("gen_ai.usage.input_tokens");
		Throwable withoutStarter;
		try (ConfigurableApplicationContext plain = startWithoutStarter()) {
			ChatModel plainModel = plain.getBean(ChatModel.class);
			withoutStarter = catchThrowable(() -> plainModel.call(new Prompt("fail please [error:500]")));
		}
		expectModelCallsWithoutRecord(1);
		capture.attach();
		assertThat(withStarter).isNotNull().hasSameClassAs(withoutStarter).hasMessage(withoutStarter.getMessage());
		assertThat(withStarter.getCause() == null).isEqualTo(withoutStarter.getCause() == null);
	}

	@Test
	void failedStreamIsRecordedAsErrorAndTheSubscriberGetsTheError() {
		Throwable failure = catchThrowable(
				() -> this.chatModel.stream(new Prompt("stream fail [error:500]")).blockLast());
		Map<String, Object> record = awaitRecords(1).get(0);
		assertThat(failure).isNotNull();
		assertThat(record).containsEntry("outcome", "error")
			.containsEntry("gen_ai.request.stream", true)
			.containsEntry("error.type", InternalServerException.class.getName());
		assertThat(failure).hasRootCauseInstanceOf(InternalServerException.class);
	}

	@Test
	void httpErrorOnRequestThreadStillReturnsTheModelErrorToTheClient() {
		Throwable failure = catchThrowable(() -> post("/call", "[error:503]", Map.of("X-Request-Id", "req-err-1")));
		assertThat(failure).isNotNull();
		assertThat(awaitRecords(1).get(0)).containsEntry("requestId", "req-err-1")
			.containsEntry("outcome", "error")
			.containsEntry("error.type", "com.openai.errors.InternalServerException");
	}

	@Test
	void invalidHeaderValuesAreReplacedOrDroppedAndNeverLogged() {
		String badRequestId = "bad id <script>";
		String badContextId = "ctx;drop table";
		String badUserId = "x".repeat(200);
		ResponseEntity<String> response = post("/call", "hello",
				Map.of("X-Request-Id", badRequestId, "X-Context-Id", badContextId, "X-User-Id", badUserId));
		String echoed = response.getHeaders().getFirst("X-Request-Id");
		assertThat(echoed).hasSize(36).isNotEqualTo(badRequestId);
		Map<String, Object> record = awaitRecords(1).get(0);
		assertThat(record).containsEntry("requestId", echoed).doesNotContainKeys("contextId", "userId");
		for (String line : capture.renderedLines()) {
			assertThat(line).doesNotContain("<script>").doesNotContain("drop table").doesNotContain(badUserId);
		}
	}

	@Test
	void workerThreadKeepsNoIdsAfterRequest() {
		post("/call", "first", Map.of("X-Request-Id", "req-leak-1", "X-Context-Id", "ctx-leak", "X-User-Id", "u1"));
		post("/call", "second", Map.of());
		awaitRecords(2);
		List<Map<String, String>> arrivals = CaptureTestApplication.mdcOnArrival;
		assertThat(arrivals).hasSize(2);
		assertThat(arrivals.get(1)).doesNotContainKeys("requestId", "contextId", "userId");
		List<Map<String, Object>> records = capture.records();
		assertThat(records.get(1).get("requestId")).isNotEqualTo("req-leak-1");
		assertThat(records.get(1)).doesNotContainKeys("contextId", "userId");
	}

	@Test
	void replayEndpointIsNotExposedOverHttpByDefault() {
		Throwable failure = catchThrowable(() -> this.client.post()
			.uri("/actuator/llmreplay")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("exchangeId", "x"))
			.retrieve()
			.toBodilessEntity());
		assertThat(failure).isInstanceOf(org.springframework.web.client.HttpClientErrorException.NotFound.class);
	}

	private ResponseEntity<String> post(String path, String body, Map<String, String> headers) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.headers((httpHeaders) -> headers.forEach(httpHeaders::set))
			.accept(MediaType.ALL)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private static List<Map<String, Object>> awaitRecords(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> capture.records().size() >= count);
		settle();
		List<Map<String, Object>> records = capture.records();
		assertThat(records).as("exchange records").hasSize(count);
		records.forEach(RecordSchema::assertValid);
		return records;
	}

	private static void settle() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ConfigurableApplicationContext startWithoutStarter() {
		return new SpringApplicationBuilder(CaptureTestApplication.class)
			.properties("llm.tracing.enabled=false", "spring.main.web-application-type=none",
					"spring.ai.openai.base-url=" + standIn.server().getBaseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.max-retries=0", "spring.ai.openai.chat.model=stand-in-it")
			.run();
	}

}
