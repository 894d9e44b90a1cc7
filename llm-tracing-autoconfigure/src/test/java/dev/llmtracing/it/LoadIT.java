package dev.llmtracing.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.testsupport.StandInModel;
import dev.llmtracing.context.TracingHeaders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bounded load test: 10,000 requests at 64 concurrent connections over real HTTP,
 * mixing calls, streams and tool-calling loops, against the stand-in model that answers
 * at once. Every request names itself in its prompt; most send their own IDs, some
 * (interleaved) send none. The records, written as JSON lines to a file, must be one per
 * model call, each with the IDs of the request that made it, with nothing dropped.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = LoadTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "llm.tracing.content.mode=full", "llm.tracing.content.masking.enabled=false",
				"management.endpoint.health.show-details=always", "spring.mvc.async.request-timeout=120s" })
class LoadIT {

	private static final int REQUESTS = Integer.getInteger("load-it.requests", 10_000);

	private static final int CONNECTIONS = 64;

	private static final TracingHeaders HEADERS = TracingHeaders.DEFAULT;

	@RegisterExtension
	static final StandInModel standIn = new StandInModel();

	@LocalServerPort
	private int port;

	@Autowired
	private ExchangeDispatcher dispatcher;

	@Autowired
	private InstrumentationFailures failures;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@DynamicPropertySource
	static void modelProperties(DynamicPropertyRegistry registry) {
		StandInModelIT.openAiProperties(registry::add, () -> standIn.server().getBaseUrl());
	}

	@Test
	void tenThousandMixedRequestsLoseNothingAndMixNoIds() throws Exception {
		Path file = Path.of("target/load-it/records.json");
		int modelCalls = 0;
		for (int i = 0; i < REQUESTS; i++) {
			modelCalls += Kind.of(i).modelCalls;
		}
		List<Sent> sent;
		long started = System.nanoTime();
		AtomicInteger peakQueue = new AtomicInteger();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> peakQueue.accumulateAndGet(this.dispatcher.getQueueSize(), Math::max), 0, 50,
				TimeUnit.MILLISECONDS);
		try (JsonLogFile log = JsonLogFile.attach(file)) {
			sent = sendAll();
			assertThat(sent).filteredOn((request) -> request.status != 200).as("failed requests").isEmpty();
			int expectedCalls = modelCalls;
			// the writer drains its backlog after the last response; on a loaded 2-core
			// machine that takes longer than the load itself, and a missing record still
			// fails the exact counts below
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertThat(this.dispatcher.getDroppedCount()).as("records dropped").isZero();
				assertThat(log.count("llm.tracing.exchange")).as("exchange records written")
					.isGreaterThanOrEqualTo(expectedCalls);
				assertThat(log.count("llm.tracing.request")).as("request records written")
					.isGreaterThanOrEqualTo(REQUESTS);
			});
		}
		sampler.shutdownNow();
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		System.out.printf(
				"LoadIT: %d requests, %d model calls at %d connections in %d ms (%d requests/s), peak writer queue %d%n",
				REQUESTS, modelCalls, CONNECTIONS, millis, REQUESTS * 1000L / millis, peakQueue.get());
		assertThat(standIn.server().getRequestCount()).as("model calls").isEqualTo(modelCalls);
		List<Map<String, Object>> lines = JsonLogFile.read(file);
		List<Map<String, Object>> exchanges = ofLogger(lines, "llm.tracing.exchange");
		assertThat(exchanges).as("exchange records").hasSize(modelCalls);
		assertEachRecordCarriesTheIdsOfItsRequest(sent, exchanges, ofLogger(lines, "llm.tracing.request"));
		assertThat(LoadTestApplication.staleMdcOnArrival).as("requests arriving on a thread with a stale MDC")
			.hasValue(0);
		assertThat(this.dispatcher.getDroppedCount()).as("records dropped").isZero();
		for (InstrumentedComponent component : InstrumentedComponent.values()) {
			assertThat(this.failures.count(component)).as("failures of %s", component).isZero();
		}
		assertThat(get("/actuator/health/llmTracing")).contains("\"status\":\"UP\"", "\"recordsDropped\":0");
	}

	private List<Sent> sendAll() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
		AtomicInteger next = new AtomicInteger();
		List<Future<List<Sent>>> workers = new ArrayList<>();
		for (int worker = 0; worker < CONNECTIONS; worker++) {
			workers.add(pool.submit(() -> {
				List<Sent> sent = new ArrayList<>();
				for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
					sent.add(send(i));
				}
				return sent;
			}));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(180, TimeUnit.SECONDS)).as("load finished in time").isTrue();
		List<Sent> sent = new ArrayList<>();
		for (Future<List<Sent>> worker : workers) {
			sent.addAll(worker.get());
		}
		return sent;
	}

	private Sent send(int index) {
		Kind kind = Kind.of(index);
		boolean anonymous = index % 7 == 3;
		String marker = String.format("%s-%06d", anonymous ? "anon" : "load", index);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + kind.path))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("Say hello for " + marker));
		if (!anonymous) {
			request.header(HEADERS.requestId(), marker)
				.header(HEADERS.contextId(), "ctx-" + marker)
				.header(HEADERS.userId(), "user-" + marker);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String echoed = response.headers().firstValue(HEADERS.requestId()).orElse(null);
			return new Sent(kind, marker, anonymous, response.statusCode(), echoed);
		}
		catch (Exception ex) {
			return new Sent(kind, marker, anonymous, -1, ex.toString());
		}
	}

	private static void assertEachRecordCarriesTheIdsOfItsRequest(List<Sent> sent, List<Map<String, Object>> exchanges,
			List<Map<String, Object>> requests) {
		Map<String, List<Map<String, Object>>> byMarker = new HashMap<>();
		for (Map<String, Object> exchange : exchanges) {
			String marker = marker(String.valueOf(exchange.get("gen_ai.input.messages")));
			assertThat(marker).as("request named in the prompt of %s", exchange).isNotNull();
			byMarker.computeIfAbsent(marker, (key) -> new ArrayList<>()).add(exchange);
		}
		Map<Object, Map<String, Object>> requestRecords = new HashMap<>();
		for (Map<String, Object> request : requests) {
			assertThat(requestRecords.put(request.get("requestId"), request)).as("second request record").isNull();
		}
		assertThat(requestRecords).as("request records").hasSize(REQUESTS);
		Set<String> generated = new HashSet<>();
		for (Sent request : sent) {
			String requestId = request.anonymous ? request.echoedRequestId : request.marker;
			assertThat(requestId).as("request ID of %s", request.marker).isNotNull();
			if (request.anonymous) {
				assertThat(generated.add(requestId)).as("generated request ID %s is new", requestId).isTrue();
				assertThat(marker(requestId)).as("generated request ID").isNull();
			}
			List<Map<String, Object>> records = byMarker.getOrDefault(request.marker, List.of());
			assertThat(records).as("records of %s", request.marker).hasSize(request.kind.modelCalls);
			for (Map<String, Object> record : records) {
				assertThat(record.get("requestId")).as("requestId of %s", request.marker).isEqualTo(requestId);
				assertThat(record.get("contextId")).as("contextId of %s", request.marker)
					.isEqualTo(request.anonymous ? null : "ctx-" + request.marker);
				assertThat(record.get("userId")).as("userId of %s", request.marker)
					.isEqualTo(request.anonymous ? null : "user-" + request.marker);
			}
			Map<String, Object> requestRecord = requestRecords.get(requestId);
			assertThat(requestRecord).as("request record of %s", request.marker).isNotNull();
			List<Object> exchangeIds = records.stream().map((record) -> record.get("exchangeId")).toList();
			@SuppressWarnings("unchecked")
			List<Object> listed = (List<Object>) requestRecord.get("exchangeIds");
			assertThat(listed).as("exchanges of %s", request.marker).containsExactlyInAnyOrderElementsOf(exchangeIds);

		}
	}

	private static @Nullable String marker(String text) {
		for (String prefix : new String[] { "load-", "anon-" }) {
			int start = text.indexOf(prefix);
			if (start >= 0 && start + prefix.length() + 6 <= text.length()) {
				return text.substring(start, start + prefix.length() + 6);
			}
		}
		return null;
	}

	private static List<Map<String, Object>> ofLogger(List<Map<String, Object>> lines, String loggerName) {
		return lines.stream().filter((line) -> loggerName.equals(line.get("logger_name"))).toList();
	}

	private String get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	private record Sent(Kind kind, String marker, boolean anonymous, int status, @Nullable String echoedRequestId) {
	}

	private enum Kind {

		CALL("/call", 1), STREAM("/stream", 1), TOOLS("/tools", 2), TOOLS_STREAM("/tools-stream", 2);

		private final String path;

		private final int modelCalls;

		Kind(String path, int modelCalls) {
			this.path = path;
			this.modelCalls = modelCalls;
		}

		/**
		 * The mix: four calls, three streams, two tool loops and one streamed tool loop
		 * in every ten requests.
		 */
		static Kind of(int index) {
			int slot = index % 10;
			return (slot < 4) ? CALL : (slot < 7) ? STREAM : (slot < 9) ? TOOLS : TOOLS_STREAM;
		}

	}

}
