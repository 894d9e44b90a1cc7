package dev.llmtracing.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.it.ModelPath.Clients;
import dev.llmtracing.record.RecordSchema;
import org.assertj.core.api.MapAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * End-to-end tests of model faults: for each fault a real provider can give, over real
 * HTTP with the real Spring AI OpenAI client, each model call gives exactly one record
 * with the outcome, {@code error.type}, duration and IDs it had, and the caller sees the
 * same answer or exception (class, message and causes) as the same application without
 * the starter ({@code llm.tracing.enabled=false}), run against the same fault.
 * <p>
 * HTTP 429 and 500 run through every path ({@code call()}, {@code stream()}, a direct
 * {@code ChatModel.call} and a tool-calling loop whose second round fails); the other
 * faults through the paths whose handling of them differs (see {@link #faults()}); a
 * refused connection and Spring AI's retries through a second model built by hand on the
 * application's observation registry, as an application with two models does.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = CaptureTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.tracing.sampling.probability=1.0")
class ModelFaultsIT extends StandInModelIT {

	private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

	private static final String QUESTION = "What time is it in Osaka? ";

	/**
	 * A stream of 15 chunks 300 ms apart: 4.5 s if nobody cancels it.
	 */
	private static final String SLOW_STREAM = "Tell me one two three four five six seven eight [chunk-delay:300]";

	/**
	 * How much later than the cancellation a cancelled stream's record may end: far less
	 * than the 4.2 s the slow stream still had to go after its first chunk.
	 */
	private static final long CANCEL_MARGIN_MS = 1000;

	private static final AtomicInteger requests = new AtomicInteger();

	private static ConfigurableApplicationContext withoutStarter;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext withStarter;

	@Autowired
	private IdScopes idScopes;

	private String requestId;

	@BeforeAll
	static void startWithoutStarter() {
		List<String> properties = new ArrayList<>(List.of("llm.tracing.enabled=false",
				"spring.main.web-application-type=none", "management.tracing.sampling.probability=1.0"));
		openAiProperties((name, value) -> properties.add(name + "=" + value.get()),
				() -> standIn.server().getBaseUrl());
		withoutStarter = new SpringApplicationBuilder(CaptureTestApplication.class)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	@AfterAll
	static void stopWithoutStarter() {
		withoutStarter.close();
	}

	@BeforeEach
	void reset() {
		standIn.server().reset();
		capture.clear();
		this.requestId = "req-fault-" + requests.incrementAndGet();
	}

	@AfterEach
	void noInstrumentationFailures() {
		assertThat(capture.events())
			.noneMatch((event) -> event.getFormattedMessage().contains("instrumentation failure"));
	}

	/**
	 * The faults and the paths each runs through: every path for two HTTP errors, the
	 * others through the paths whose handling of them differs (a blocking call, an
	 * asynchronous stream, a tool-calling loop).
	 */
	static Stream<Arguments> faults() {
		List<Arguments> faults = new ArrayList<>();
		for (ModelPath path : List.of(ModelPath.CALL, ModelPath.STREAM, ModelPath.DIRECT, ModelPath.TOOLS)) {
			faults.add(arguments("429 with Retry-After", "[error:429]", null, RateLimitException.class, path));
			faults.add(arguments("500", "[error:500]", null, InternalServerException.class, path));
		}
		for (ModelPath path : List.of(ModelPath.CALL, ModelPath.STREAM)) {
			faults.add(arguments("503 with Retry-After", "[error:503]", null, InternalServerException.class, path));
			faults.add(arguments("read timeout", "[delay:1200]", READ_TIMEOUT, OpenAIIoException.class, path));
		}
		for (ModelPath path : List.of(ModelPath.CALL, ModelPath.STREAM, ModelPath.TOOLS)) {
			faults.add(arguments("malformed JSON", "[malformed]", null, OpenAIInvalidDataException.class, path));
		}
		faults.add(arguments("body cut mid-way", "[cut]", null, OpenAIInvalidDataException.class, ModelPath.CALL));
		for (ModelPath path : List.of(ModelPath.STREAM, ModelPath.TOOLS_STREAM)) {
			faults.add(arguments("stream cut mid-chunk", "[cut]", null, OpenAIIoException.class, path));
		}
		for (ModelPath path : List.of(ModelPath.STREAM, ModelPath.DIRECT_STREAM, ModelPath.TOOLS_STREAM)) {
			faults.add(arguments("error event in the stream", "[stream-error]", null, SseException.class, path));
		}
		return faults.stream();
	}

	@ParameterizedTest(name = "{0} through {4}")
	@MethodSource("faults")
	void faultGivesOneRecordPerModelCallAndTheCallerTheExceptionItWouldGetWithoutTheStarter(String fault,
			String directive, @Nullable Duration timeout, Class<?> errorType, ModelPath path) {
		String text = QUESTION + directive;
		CallerView seen = withIds(() -> CallerView.of(() -> path.answer(Clients.of(this.withStarter), text, timeout)));
		List<Map<String, Object>> records = awaitRecords(path.modelCalls());
		assertThat(standIn.server().getRequestCount()).as("model requests, retries off").isEqualTo(path.modelCalls());
		CallerView plain = withoutStarter((clients) -> path.answer(clients, text, timeout));
		if (timeout != null) {
			// Spring AI gives OkHttp one duration as its call and its read timeout:
			// which fires first, and so the cause, is a race that CPU load decides
			for (CallerView view : List.of(seen, plain)) {
				assertThat(view.causeOf(OpenAIIoException.class))
					.matches("java\\.(io\\.InterruptedIOException|net\\.SocketTimeoutException): .*");
			}
			seen = seen.through(OpenAIIoException.class);
			plain = plain.through(OpenAIIoException.class);
		}
		assertThat(seen).isEqualTo(plain);
		assertThat(seen.failed()).as("the caller got an exception").isTrue();
		Map<String, Object> failed = records.get(records.size() - 1);
		assertRecord(failed, "error").containsEntry("error.type", errorType.getName());
		if (timeout != null) {
			assertThat(durationMs(failed)).isGreaterThanOrEqualTo(timeout.toMillis()).isLessThan(1200);
		}
		if (path.modelCalls() == 2) {
			assertRecord(records.get(0), "success").containsEntry("gen_ai.response.finish_reasons",
					List.of("tool_calls"));
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "STREAM", "DIRECT_STREAM" })
	void slowStreamTheSubscriberDisposesGivesOneCancelledRecordAtOnce(ModelPath path) {
		long start = System.nanoTime();
		List<String> seen = withIds(() -> path.firstChunkThenDispose(Clients.of(this.withStarter), SLOW_STREAM));
		long untilDisposed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		Map<String, Object> record = awaitRecords(1).get(0);
		assertRecord(record, "cancelled").doesNotContainKey("error.type").containsEntry("gen_ai.request.stream", true);
		assertThat(durationMs(record)).as("recorded when cancelled, not when the stream ends")
			.isLessThan(untilDisposed + CANCEL_MARGIN_MS);
		assertThat(seen).isEqualTo(withoutStarterChunks(path));
	}

	@ParameterizedTest
	@EnumSource(names = { "CALL", "STREAM", "DIRECT" })
	void refusedConnectionGivesOneErrorRecordAndTheSameException(ModelPath path) throws IOException {
		String baseUrl = "http://127.0.0.1:" + closedPort() + "/v1";
		CallerView seen = withIds(() -> CallerView
			.of(() -> path.answer(Clients.handBuilt(this.withStarter, baseUrl, 0), QUESTION, null)));
		assertRecord(awaitRecords(1).get(0), "error").containsEntry("error.type", OpenAIIoException.class.getName());
		assertThat(seen.failed()).isTrue();
		assertThat(seen)
			.isEqualTo(CallerView.of(() -> path.answer(Clients.handBuilt(withoutStarter, baseUrl, 0), QUESTION, null)));
	}

	@ParameterizedTest
	@EnumSource(names = { "CALL", "STREAM" })
	void retriedModelCallGivesOneRecordWithoutAMadeUpAttemptCount(ModelPath path) {
		String text = QUESTION + "[error:429] [retry-after:0]";
		int maxRetries = 1;
		CallerView seen = withIds(() -> CallerView.of(() -> path
			.answer(Clients.handBuilt(this.withStarter, standIn.server().getBaseUrl(), maxRetries), text, null)));
		Map<String, Object> record = awaitRecords(1).get(0);
		assertThat(standIn.server().getRequestHeaders()).extracting((headers) -> headers.get("X-stainless-retry-count"))
			.containsExactly(List.of("0"), List.of("1"));
		assertRecord(record, "error").containsEntry("error.type", RateLimitException.class.getName());
		assertThat(record.keySet()).noneMatch((key) -> key.contains("attempt") || key.contains("retr"));
		assertThat(seen).isEqualTo(CallerView.of(() -> path
			.answer(Clients.handBuilt(withoutStarter, standIn.server().getBaseUrl(), maxRetries), text, null)));
		expectModelCallsWithoutRecord(maxRetries + (maxRetries + 1));
	}

	@Test
	void clientThatDisconnectsFromAnSseEndpointGivesOneCancelledRecord() throws IOException {
		byte[] body = SLOW_STREAM.getBytes(StandardCharsets.UTF_8);
		long start = System.nanoTime();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /stream HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
					+ "Accept: text/event-stream\r\nX-Request-Id: " + this.requestId
					+ "\r\nX-Context-Id: ctx-faults\r\nX-User-Id: user-faults\r\nContent-Length: " + body.length
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			awaitFirstEvent(socket.getInputStream());
		}
		long untilLeft = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		Map<String, Object> record = awaitRecords(1).get(0);
		assertRecord(record, "cancelled").doesNotContainKey("error.type").containsEntry("gen_ai.request.stream", true);
		assertThat(durationMs(record)).as("recorded at the first write after the client left")
			.isLessThan(untilLeft + CANCEL_MARGIN_MS);
	}

	private <T> T withIds(Supplier<T> call) {
		try (IdScope scope = this.idScopes.open(this.requestId, "ctx-faults", "user-faults")) {
			return call.get();
		}
	}

	private CallerView withoutStarter(Function<Clients, String> call) {
		int before = standIn.server().getRequestCount();
		CallerView seen = CallerView.of(() -> call.apply(Clients.of(withoutStarter)));
		expectModelCallsWithoutRecord(standIn.server().getRequestCount() - before);
		return seen;
	}

	private List<String> withoutStarterChunks(ModelPath path) {
		List<String> seen = path.firstChunkThenDispose(Clients.of(withoutStarter), SLOW_STREAM);
		expectModelCallsWithoutRecord(1);
		return seen;
	}

	private static void awaitFirstEvent(InputStream in) throws IOException {
		StringBuilder received = new StringBuilder();
		while (!received.toString().contains("data:")) {
			int next = in.read();
			assertThat(next).as("the stream ended before its first event").isNotNegative();
			received.append((char) next);
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private MapAssert<String, Object> assertRecord(Map<String, Object> record, String outcome) {
		assertThat(durationMs(record)).isGreaterThanOrEqualTo(0);
		return assertThat(record).containsEntry("outcome", outcome)
			.containsEntry("requestId", this.requestId)
			.containsEntry("contextId", "ctx-faults")
			.containsEntry("userId", "user-faults")
			.containsKeys("exchangeId", "traceId", "spanId", "startTime");
	}

	private static double durationMs(Map<String, Object> record) {
		return ((Number) record.get("durationMs")).doubleValue();
	}

	private static List<Map<String, Object>> awaitRecords(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> capture.records().size() >= count);
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Map<String, Object>> records = capture.records();
		assertThat(records).as("exchange records").hasSize(count);
		records.forEach(RecordSchema::assertValid);
		assertThat(records).extracting((record) -> record.get("exchangeId")).doesNotHaveDuplicates();
		return records;
	}

}
