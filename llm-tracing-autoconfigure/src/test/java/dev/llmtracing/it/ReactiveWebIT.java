package dev.llmtracing.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.llmtracing.context.IdValidator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of a WebFlux application: real HTTP into Reactor Netty, the real
 * Spring AI OpenAI client to the stand-in model, and the exchange records and log lines
 * as they are written. The servlet API is on this module's test class path, so the
 * application is made reactive with {@code spring.main.web-application-type}; that
 * {@code spring.reactor.context-propagation} becomes {@code auto} is llm-tracing's doing.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.tracing.sampling.probability=1.0" })
class ReactiveWebIT extends StandInModelIT {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MeterRegistry meterRegistry;

	@AfterAll
	static void restoreContextPropagation() {
		// Boot switched on a global Reactor hook for this context; later test classes in
		// this JVM expect Boot's default
		Hooks.disableAutomaticContextPropagation();
	}

	@BeforeEach
	void reset() {
		standIn.server().reset();
		capture.clear();
		ReactiveTestApplication.mdcOnArrival.clear();
	}

	@AfterEach
	void noInstrumentationFailures() {
		assertThat(capture.events())
			.noneMatch((event) -> event.getFormattedMessage().contains("instrumentation failure"));
	}

	@Test
	void isReactiveWithTheWebFilterAndAutomaticContextPropagation() {
		assertThat(this.context.getBeansOfType(WebFilter.class).values())
			.anyMatch((filter) -> filter.getClass().getSimpleName().equals("TracingIdsWebFilter"));
		assertThat(this.context.getEnvironment().getProperty("spring.reactor.context-propagation")).isEqualTo("auto");
	}

	@Test
	void callRecordsAndLogsTheCallerIds() throws Exception {
		HttpResponse<String> response = post("/call", "call-1", "req-call-1", "ctx-1", "alice");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-call-1");
		Map<String, Object> record = awaitRecords(1).get(0);
		assertThat(record).containsEntry("requestId", "req-call-1")
			.containsEntry("contextId", "ctx-1")
			.containsEntry("userId", "alice")
			.containsEntry("gen_ai.request.stream", false)
			.containsEntry("outcome", "success");
		assertThat(appLines("call-1")).hasSize(2)
			.allSatisfy((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-call-1")
				.containsEntry("contextId", "ctx-1")
				.containsEntry("userId", "alice"));
	}

	@Test
	void sseStreamRecordsAndLogsEveryTokenWithTheCallerIds() throws Exception {
		HttpResponse<String> response = post("/stream", "stream-1 tell me a story", "req-stream-1", "ctx-2", null);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-stream-1");
		assertThat(response.body()).contains("data:");
		Map<String, Object> record = awaitRecords(1).get(0);
		assertThat(record).containsEntry("requestId", "req-stream-1")
			.containsEntry("contextId", "ctx-2")
			.containsEntry("gen_ai.request.stream", true)
			.containsEntry("outcome", "success");
		List<ILoggingEvent> lines = appLines("stream-1");
		assertThat(lines).hasSizeGreaterThan(3)
			.allSatisfy((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-stream-1")
				.containsEntry("contextId", "ctx-2")
				.doesNotContainKey("userId"));
		assertThat(lines).extracting(ILoggingEvent::getThreadName).anyMatch((name) -> !name.contains("reactor-http"));
	}

	@Test
	void aCallHasOneRequestRecordThatLinksItsExchangeAndAddsUp() throws Exception {
		post("/call", "record-1", "req-record-1", "ctx-r", "carol");
		Map<String, Object> exchange = awaitRecords(1).get(0);
		Map<String, Object> request = RequestRecords.awaitOne(capture, "req-record-1");
		assertThat(request).containsEntry("http.route", "/call")
			.containsEntry("http.response.status_code", 200)
			.containsEntry("outcome", "success")
			.containsEntry("contextId", "ctx-r")
			.containsEntry("userId", "carol")
			.containsEntry("llm.request.model_calls", 1)
			.containsEntry("traceId", exchange.get("traceId"))
			.containsEntry("exchangeIds", List.of(exchange.get("exchangeId")))
			.as("a response that is not streamed has no time to first byte")
			.doesNotContainKey("timeToFirstByteMs");
		RequestRecords.assertAddsUp(request);
		assertThat(RequestRecords.breakdown(request)).containsKey("model");
	}

	@Test
	void aStreamHasARequestRecordUntilItsLastEventWithItsTimeToFirstByte() throws Exception {
		post("/stream", "record-2 [delay:200] tell me", "req-record-2", null, null);
		Map<String, Object> request = RequestRecords.awaitOne(capture, "req-record-2");
		assertThat(request).containsEntry("http.route", "/stream")
			.containsEntry("http.response.status_code", 200)
			.containsEntry("outcome", "success")
			.containsEntry("llm.request.model_calls", 1);
		long firstByte = ((Number) request.get("timeToFirstByteMs")).longValue();
		assertThat(firstByte).isLessThanOrEqualTo(((Number) request.get("durationMs")).longValue());
		assertThat(RequestRecords.breakdown(request).get("model")).isGreaterThanOrEqualTo(199L);
		RequestRecords.assertAddsUp(request);
	}

	@Test
	void aFailingHandlerGivesAnErrorRequestRecordAndTheCallerItsError() throws Exception {
		HttpResponse<String> response = post("/failing", "record-3", "req-record-3", null, null);
		assertThat(response.statusCode()).isEqualTo(500);
		Map<String, Object> request = RequestRecords.awaitOne(capture, "req-record-3");
		assertThat(request).containsEntry("outcome", "error")
			.containsEntry("error.type", IllegalStateException.class.getName())
			.containsEntry("http.response.status_code", 500)
			.containsEntry("llm.request.model_calls", 1);
		RequestRecords.assertAddsUp(request);
	}

	@Test
	void generatesARequestIdWhenThereIsNone() throws Exception {
		HttpResponse<String> response = post("/call", "call-2", null, null, null);
		String generated = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(new IdValidator(128).isValid(generated)).isTrue();
		assertThat(awaitRecords(1).get(0)).containsEntry("requestId", generated);
	}

	@Test
	void incomingBaggageIsUsedWhenThereIsNoIdHeaderAndValidatedLikeHeaders() throws Exception {
		double rejectedBefore = rejected("user", "baggage");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/call"))
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.header("baggage", "requestId=from-upstream,contextId=ctx-up,userId=bad%20value")
			.POST(HttpRequest.BodyPublishers.ofString("baggage-1"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("from-upstream");
		assertThat(awaitRecords(1).get(0)).containsEntry("requestId", "from-upstream")
			.containsEntry("contextId", "ctx-up")
			.containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
			.doesNotContainKey("userId");
		assertThat(rejected("user", "baggage") - rejectedBefore).isEqualTo(1);
	}

	@Test
	void eventLoopThreadsNeverKeepIdsOfEarlierRequests() throws Exception {
		for (int i = 0; i < 20; i++) {
			post(((i % 2) == 0) ? "/call" : "/stream", "seq-" + i, "req-seq-" + i, "ctx-seq", "bob");
		}
		awaitRecords(20);
		assertThat(ReactiveTestApplication.mdcOnArrival).hasSize(20)
			.allSatisfy((mdc) -> assertThat(mdc).doesNotContainKeys("requestId", "contextId", "userId"));
	}

	@Test
	void concurrentCallsAndStreamsWithDistinctIdsNeverMix() throws Exception {
		int calls = 500;
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				int n = i;
				responses.add(pool.submit(() -> post(((n % 2) == 0) ? "/call" : "/stream", "mix-" + n + " go",
						"req-mix-" + n, "ctx-mix-" + n, "user-mix-" + n)));
			}
			for (int i = 0; i < calls; i++) {
				HttpResponse<String> response = responses.get(i).get();
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-mix-" + i);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Map<String, Object>> records = awaitRecords(calls);
		assertThat(records).extracting((record) -> record.get("requestId"))
			.doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat((String) id).startsWith("req-mix-"));
		assertThat(records).allSatisfy((record) -> {
			String n = ((String) record.get("requestId")).substring("req-mix-".length());
			assertThat(record).containsEntry("contextId", "ctx-mix-" + n).containsEntry("userId", "user-mix-" + n);
		});
		List<Map<String, Object>> requests = RequestRecords.awaitCount(capture, calls);
		Map<Object, Object> exchangeIdByRequest = new java.util.HashMap<>();
		records.forEach((record) -> exchangeIdByRequest.put(record.get("requestId"), record.get("exchangeId")));
		assertThat(requests).extracting((request) -> request.get("requestId")).doesNotHaveDuplicates();
		assertThat(requests).allSatisfy((request) -> {
			String n = ((String) request.get("requestId")).substring("req-mix-".length());
			assertThat(request).containsEntry("contextId", "ctx-mix-" + n)
				.containsEntry("userId", "user-mix-" + n)
				.containsEntry("http.route", ((Integer.parseInt(n) % 2) == 0) ? "/call" : "/stream")
				.containsEntry("exchangeIds", List.of(exchangeIdByRequest.get(request.get("requestId"))));
		});
		List<ILoggingEvent> lines = appLines("mix-");
		assertThat(lines).hasSizeGreaterThan(calls * 2).allSatisfy((event) -> {
			String message = event.getFormattedMessage();
			String n = message.substring(message.indexOf("mix-") + 4, message.indexOf(' ', message.indexOf("mix-")));
			assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-mix-" + n)
				.containsEntry("contextId", "ctx-mix-" + n)
				.containsEntry("userId", "user-mix-" + n);
		});
	}

	@Test
	void hostileHeaderValuesAreReplacedCountedAndNeverLogged() throws Exception {
		double rejectedBefore = rejected("request", "header");
		String longId = "r".repeat(300);
		String[] hostile = { "<script>alert(1)</script>", longId, "a b\tc", "id%0d%0aInjected: 1",
				"\u30e6\u30fc\u30b6" };
		for (String value : hostile) {
			String raw = rawPost(value);
			assertThat(raw).startsWith("HTTP/1.1 200");
			String echoed = raw.lines()
				.filter((line) -> line.regionMatches(true, 0, "X-Request-Id:", 0, 13))
				.map((line) -> line.substring(13).trim())
				.findFirst()
				.orElseThrow();
			assertThat(new IdValidator(128).isValid(echoed)).isTrue();
			assertThat(echoed).isNotEqualTo(value);
		}
		awaitRecords(hostile.length);
		assertThat(rejected("request", "header") - rejectedBefore).isEqualTo(hostile.length);
		// Reactor Netty itself refuses control characters in header values, before any
		// application code runs
		assertThat(refused("bad\u0001id")).isTrue();
		List<String> lines = capture.renderedLines();
		for (String value : hostile) {
			assertThat(lines).noneMatch((line) -> line.contains(value));
		}
		assertThat(lines).noneMatch((line) -> line.contains("script") || line.contains("rrrrrrrrrrrrrrrrrrrr")
				|| line.contains("Injected") || line.contains("bad\u0001id"));
	}

	private double rejected(String kind, String source) {
		return this.meterRegistry.find("llm.tracing.ids.rejected")
			.tags("kind", kind, "source", source)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private boolean refused(String requestId) throws Exception {
		try {
			return rawPost(requestId).startsWith("HTTP/1.1 400");
		}
		catch (java.net.SocketException ex) {
			// Netty may reset the connection after its 400 response
			return true;
		}
	}

	private String rawPost(String requestId) throws Exception {
		byte[] body = "hostile call".getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String head = "POST /call HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: text/plain\r\n"
					+ "X-Request-Id: " + requestId + "\r\nContent-Length: " + body.length + "\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.UTF_8));
			out.write(body);
			out.flush();
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			StringBuilder response = new StringBuilder();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				response.append(line).append('\n');
			}
			return response.toString();
		}
	}

	private List<ILoggingEvent> appLines(String marker) {
		return capture.events()
			.stream()
			.filter((event) -> event.getLoggerName().equals(ReactiveTestApplication.LOGGER_NAME))
			.filter((event) -> event.getFormattedMessage().contains(marker))
			.toList();
	}

	private List<Map<String, Object>> awaitRecords(int count) {
		await().atMost(Duration.ofSeconds(60)).until(() -> capture.records().size() >= count);
		return capture.records();
	}

	private HttpResponse<String> post(String path, String message, String requestId, String contextId, String userId)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(message));
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		if (contextId != null) {
			request.header("X-Context-Id", contextId);
		}
		if (userId != null) {
			request.header("X-User-Id", userId);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
