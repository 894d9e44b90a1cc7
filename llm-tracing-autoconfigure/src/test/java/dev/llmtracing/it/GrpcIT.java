package dev.llmtracing.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.llmtracing.context.IdValidator;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of a Spring gRPC server and client on a free port (Netty, not
 * in-process), with the real Spring AI OpenAI client to the stand-in model. The test's
 * own client is plain grpc-java, as another service would be.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = GrpcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.main.web-application-type=none", "spring.grpc.server.port=0",
				"spring.grpc.server.address=127.0.0.1", "llm.tracing.propagation.allowed-hosts=localhost",
				"management.tracing.sampling.probability=1.0" })
class GrpcIT extends StandInModelIT {

	private static ManagedChannel channel;

	@Autowired
	private MeterRegistry meterRegistry;

	@BeforeAll
	static void limitedContextPropagation() {
		// Automatic context propagation is a global Reactor hook: an earlier test class
		// in this JVM may have switched it on. These tests are for Boot's default.
		Hooks.disableAutomaticContextPropagation();
	}

	@AfterAll
	static void closeChannel() throws InterruptedException {
		if (channel != null) {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
			channel = null;
		}
	}

	@BeforeEach
	void reset() {
		if (channel == null) {
			channel = ManagedChannelBuilder.forAddress("127.0.0.1", GrpcTestApplication.port.get())
				.usePlaintext()
				.build();
		}
		standIn.server().reset();
		capture.clear();
	}

	@AfterEach
	void noInstrumentationFailures() {
		assertThat(capture.events())
			.noneMatch((event) -> event.getFormattedMessage().contains("instrumentation failure"));
	}

	@Test
	void unaryCallRecordsAndLogsTheCallerIdsAndEchoesTheRequestId() {
		AtomicReference<Metadata> responseHeaders = new AtomicReference<>();
		String answer = ask("ask-1", ids("req-grpc-1", "ctx-1", "alice"), responseHeaders);
		assertThat(answer).isNotEmpty();
		assertThat(responseHeaders.get().get(key("x-request-id"))).isEqualTo("req-grpc-1");
		assertThat(awaitRecords(1).get(0)).containsEntry("requestId", "req-grpc-1")
			.containsEntry("contextId", "ctx-1")
			.containsEntry("userId", "alice")
			.containsEntry("outcome", "success");
		assertThat(appLines("ask-1")).singleElement()
			.satisfies((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-grpc-1")
				.containsEntry("contextId", "ctx-1")
				.containsEntry("userId", "alice"));
	}

	@Test
	void serverStreamingRecordsTheCallerIds() {
		List<String> tokens = stream("stream-1 tell me a story", ids("req-grpc-2", "ctx-2", null));
		assertThat(tokens).hasSizeGreaterThan(2);
		assertThat(awaitRecords(1).get(0)).containsEntry("requestId", "req-grpc-2")
			.containsEntry("contextId", "ctx-2")
			.containsEntry("gen_ai.request.stream", true)
			.doesNotContainKey("userId");
		assertThat(appLines("stream-1")).first()
			.satisfies((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-grpc-2"));
	}

	@Test
	void aUnaryCallHasOneRequestRecordThatNamesItsMethodAndLinksItsExchange() {
		ask("record-1", ids("req-grpc-record-1", "ctx-r", "erin"), new AtomicReference<>());
		Map<String, Object> exchange = awaitRecords(1).get(0);
		Map<String, Object> request = RequestRecords.awaitOne(capture, "req-grpc-record-1");
		assertThat(request).containsEntry("rpc.service", "test.Chat")
			.containsEntry("rpc.method", "Ask")
			.containsEntry("contextId", "ctx-r")
			.containsEntry("userId", "erin")
			.containsEntry("outcome", "success")
			.containsEntry("llm.request.model_calls", 1)
			.containsEntry("exchangeIds", List.of(exchange.get("exchangeId")))
			.doesNotContainKeys("http.route", "http.response.status_code", "timeToFirstByteMs", "error.type");
		RequestRecords.assertAddsUp(request);
	}

	@Test
	void aServerStreamingCallHasARequestRecordUntilItsLastMessageWithItsTimeToFirstMessage() {
		stream("record-2 [delay:200] tell me", ids("req-grpc-record-2", "ctx-r", null));
		Map<String, Object> request = RequestRecords.awaitOne(capture, "req-grpc-record-2");
		assertThat(request).containsEntry("rpc.method", "Stream").containsEntry("outcome", "success");
		assertThat(((Number) request.get("timeToFirstByteMs")).longValue())
			.isLessThanOrEqualTo(((Number) request.get("durationMs")).longValue());
		assertThat(RequestRecords.breakdown(request).get("model")).isGreaterThanOrEqualTo(199L);
		RequestRecords.assertAddsUp(request);
	}

	@Test
	void aCallThatEndsWithAnErrorStatusHasAnErrorRequestRecordNamingTheStatus() {
		assertThatThrownBy(() -> ask("record-3", ids("req-grpc-record-3", "ctx-r", null), new AtomicReference<>(),
				GrpcTestApplication.REFUSE))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					(ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
		Map<String, Object> request = RequestRecords.awaitOne(capture, "req-grpc-record-3");
		assertThat(request).containsEntry("outcome", "error")
			.containsEntry("error.type", "FAILED_PRECONDITION")
			.containsEntry("rpc.method", "Refuse")
			.containsEntry("llm.request.model_calls", 1);
	}

	@Test
	void generatesAndEchoesARequestIdWhenThereIsNone() {
		AtomicReference<Metadata> responseHeaders = new AtomicReference<>();
		ask("ask-2", new Metadata(), responseHeaders);
		String generated = responseHeaders.get().get(key("x-request-id"));
		assertThat(new IdValidator(128).isValid(generated)).isTrue();
		assertThat(awaitRecords(1).get(0)).containsEntry("requestId", generated);
	}

	@Test
	void incomingBaggageIsUsedWhenThereIsNoIdMetadata() {
		Metadata metadata = new Metadata();
		metadata.put(key("baggage"), "requestId=from-upstream,contextId=ctx%3Aup,userId=bad%20value");
		ask("ask-3", metadata, new AtomicReference<>());
		assertThat(awaitRecords(1).get(0)).containsEntry("requestId", "from-upstream")
			.containsEntry("contextId", "ctx:up")
			.doesNotContainKey("userId");
	}

	@Test
	void clientToServerToModelChainKeepsTheCallerIdsAndOneTrace() {
		ask("localhost", ids("req-chain-1", "ctx-chain", "carol"), new AtomicReference<>(), GrpcTestApplication.RELAY);
		List<Map<String, Object>> records = awaitRecords(1);
		assertThat(records).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("requestId", "req-chain-1")
				.containsEntry("contextId", "ctx-chain")
				.containsEntry("userId", "carol"));
		List<ILoggingEvent> relay = appLines("relay localhost");
		List<ILoggingEvent> inner = appLines("ask relayed localhost");
		assertThat(inner).singleElement()
			.satisfies((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-chain-1")
				.containsEntry("userId", "carol")
				.containsEntry("traceId", relay.get(0).getMDCPropertyMap().get("traceId")));
		assertThat(records.get(0)).containsEntry("traceId", relay.get(0).getMDCPropertyMap().get("traceId"));
	}

	@Test
	void targetOutsideTheAllowlistGetsNoIds() {
		ask("127.0.0.1", ids("req-chain-2", "ctx-chain", "dave"), new AtomicReference<>(), GrpcTestApplication.RELAY);
		Map<String, Object> record = awaitRecords(1).get(0);
		assertThat(record.get("requestId")).isNotEqualTo("req-chain-2");
		assertThat(record).doesNotContainKeys("contextId", "userId");
	}

	@Test
	void concurrentCallsAndStreamsWithDistinctIdsNeverMix() throws Exception {
		int calls = 500;
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				int n = i;
				Metadata metadata = ids("req-mix-" + n, "ctx-mix-" + n, "user-mix-" + n);
				results
					.add(pool.submit(() -> ((n % 2) == 0) ? ask("mix-" + n + " go", metadata, new AtomicReference<>())
							: stream("mix-" + n + " go", metadata)));
			}
			for (Future<?> result : results) {
				result.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Map<String, Object>> records = awaitRecords(calls);
		assertThat(records).extracting((record) -> record.get("requestId")).doesNotHaveDuplicates();
		assertThat(records).allSatisfy((record) -> {
			String n = ((String) record.get("requestId")).substring("req-mix-".length());
			assertThat(record).containsEntry("contextId", "ctx-mix-" + n).containsEntry("userId", "user-mix-" + n);
		});
		Map<Object, Object> exchangeIdByRequest = new java.util.HashMap<>();
		records.forEach((record) -> exchangeIdByRequest.put(record.get("requestId"), record.get("exchangeId")));
		List<Map<String, Object>> requests = RequestRecords.awaitCount(capture, calls);
		assertThat(requests).hasSize(calls).extracting((request) -> request.get("requestId")).doesNotHaveDuplicates();
		assertThat(requests).allSatisfy((request) -> {
			String n = ((String) request.get("requestId")).substring("req-mix-".length());
			assertThat(request).containsEntry("contextId", "ctx-mix-" + n)
				.containsEntry("userId", "user-mix-" + n)
				.containsEntry("rpc.method", ((Integer.parseInt(n) % 2) == 0) ? "Ask" : "Stream")
				.containsEntry("exchangeIds", List.of(exchangeIdByRequest.get(request.get("requestId"))));
		});
		List<ILoggingEvent> lines = appLines("mix-");
		assertThat(lines).hasSizeGreaterThanOrEqualTo(calls).allSatisfy((event) -> {
			String message = event.getFormattedMessage();
			String n = message.substring(message.indexOf("mix-") + 4, message.indexOf(' ', message.indexOf("mix-")));
			assertThat(event.getMDCPropertyMap().get("requestId")).isIn(null, "req-mix-" + n);
		});
	}

	@Test
	void hostileMetadataIsReplacedOrDroppedCountedAndNeverLogged() {
		double before = rejected();
		String[] hostile = { "<script>alert(1)</script>", "r".repeat(300), "a b c", "id%0d%0aInjected: 1" };
		for (String value : hostile) {
			Metadata metadata = new Metadata();
			metadata.put(key("x-request-id"), value);
			metadata.put(key("x-user-id"), value);
			AtomicReference<Metadata> responseHeaders = new AtomicReference<>();
			ask("hostile call", metadata, responseHeaders);
			String echoed = responseHeaders.get().get(key("x-request-id"));
			assertThat(new IdValidator(128).isValid(echoed)).isTrue();
			assertThat(echoed).isNotEqualTo(value);
		}
		Metadata binary = new Metadata();
		binary.put(Metadata.Key.of("x-request-id-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] { 0, 1, 10, 13 });
		AtomicReference<Metadata> responseHeaders = new AtomicReference<>();
		ask("hostile binary", binary, responseHeaders);
		assertThat(new IdValidator(128).isValid(responseHeaders.get().get(key("x-request-id")))).isTrue();
		List<Map<String, Object>> records = awaitRecords(hostile.length + 1);
		assertThat(records).allSatisfy((record) -> assertThat(record).doesNotContainKey("userId"));
		assertThat(rejected() - before).isEqualTo(hostile.length * 2);
		List<String> lines = capture.renderedLines();
		for (String value : hostile) {
			assertThat(lines).noneMatch((line) -> line.contains(value));
		}
		assertThat(lines).noneMatch((line) -> line.contains("script") || line.contains("rrrrrrrrrrrrrrrrrrrr")
				|| line.contains("Injected") || line.contains("a b c"));
	}

	private double rejected() {
		return this.meterRegistry.find("llm.tracing.ids.rejected")
			.tags("source", "metadata")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private String ask(String message, Metadata metadata, AtomicReference<Metadata> responseHeaders) {
		return ask(message, metadata, responseHeaders, GrpcTestApplication.ASK);
	}

	private String ask(String message, Metadata metadata, AtomicReference<Metadata> responseHeaders,
			io.grpc.MethodDescriptor<String, String> method) {
		io.grpc.Channel intercepted = io.grpc.ClientInterceptors.intercept(channel,
				MetadataUtils.newAttachHeadersInterceptor(metadata),
				MetadataUtils.newCaptureMetadataInterceptor(responseHeaders, new AtomicReference<>()));
		return ClientCalls.blockingUnaryCall(intercepted, method,
				CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), message);
	}

	private List<String> stream(String message, Metadata metadata) {
		io.grpc.Channel intercepted = io.grpc.ClientInterceptors.intercept(channel,
				MetadataUtils.newAttachHeadersInterceptor(metadata));
		Iterator<String> tokens = ClientCalls.blockingServerStreamingCall(intercepted, GrpcTestApplication.STREAM,
				CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), message);
		List<String> all = new ArrayList<>();
		tokens.forEachRemaining(all::add);
		return all;
	}

	private static Metadata ids(String requestId, String contextId, String userId) {
		Metadata metadata = new Metadata();
		metadata.put(key("x-request-id"), requestId);
		metadata.put(key("x-context-id"), contextId);
		if (userId != null) {
			metadata.put(key("x-user-id"), userId);
		}
		return metadata;
	}

	private static Metadata.Key<String> key(String name) {
		return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
	}

	private List<ILoggingEvent> appLines(String marker) {
		return capture.events()
			.stream()
			.filter((event) -> event.getLoggerName().equals(GrpcTestApplication.LOGGER_NAME))
			.filter((event) -> event.getFormattedMessage().contains(marker))
			.toList();
	}

	private List<Map<String, Object>> awaitRecords(int count) {
		await().atMost(Duration.ofSeconds(60)).until(() -> capture.records().size() >= count);
		return capture.records();
	}

}
