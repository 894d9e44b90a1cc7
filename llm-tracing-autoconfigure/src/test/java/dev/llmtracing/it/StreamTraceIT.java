package dev.llmtracing.it;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams through {@code ChatClient} and Spring AI's OpenAI client must give one trace
 * per inbound request down to the HTTP call to the model, even though the OpenAI SDK
 * sends streaming requests from a common-pool thread. Concurrent streams must each keep
 * their own HTTP span, and the link header must never reach the model server.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = { CaptureTestApplication.class, StreamTraceIT.SpanCollection.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms" })
class StreamTraceIT extends StandInModelIT {

	/**
	 * The marker header of the stream link (package-private in
	 * {@code dev.llmtracing.autoconfigure.propagation}), which must never leave the
	 * application.
	 */
	private static final String STREAM_LINK_HEADER = "X-Llm-Tracing-Stream-Link";

	private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("llm.request.id");

	@LocalServerPort
	private int port;

	@Autowired
	private CollectedSpans spans;

	@BeforeEach
	void reset() {
		this.spans.clear();
	}

	@Test
	void concurrentStreamsEachKeepTheirModelHttpCallInTheirOwnTrace() throws Exception {
		List<String> requestIds = IntStream.range(0, 8).mapToObj((i) -> "req-trace-stream-" + i).toList();
		ExecutorService callers = Executors.newFixedThreadPool(requestIds.size());
		try {
			List<Future<String>> answers = requestIds.stream()
				.map((id) -> callers.submit(() -> post("/stream", "Stream number " + id, id)))
				.toList();
			for (Future<String> answer : answers) {
				assertThat(answer.get()).isNotBlank();
			}
		}
		finally {
			callers.shutdownNow();
		}
		for (String requestId : requestIds) {
			SpanData modelSpan = awaitModelSpans(requestId, 1).get(0);
			SpanData server = await().atMost(Duration.ofSeconds(10))
				.until(() -> this.spans.find((span) -> span.getKind() == SpanKind.SERVER
						&& span.getTraceId().equals(modelSpan.getTraceId())), Objects::nonNull);
			SpanData http = httpSpanUnder(modelSpan);
			assertThat(http.getTraceId()).isEqualTo(server.getTraceId());
		}
		assertThat(this.spans.all()).filteredOn((span) -> span.getKind() == SpanKind.CLIENT)
			.as("HTTP client spans that started a trace of their own")
			.noneMatch((span) -> !span.getParentSpanContext().isValid());
		standIn.assertNoRequestHadHeader(STREAM_LINK_HEADER);
	}

	@Test
	void eachToolCallingRoundOfAStreamParentsItsOwnHttpCall() {
		assertThat(post("/tools-stream", "What time is it in Osaka?", "req-trace-tools-1")).contains("12:00");
		List<SpanData> rounds = awaitModelSpans("req-trace-tools-1", 2);
		SpanData first = httpSpanUnder(rounds.get(0));
		SpanData second = httpSpanUnder(rounds.get(1));
		assertThat(first.getSpanId()).isNotEqualTo(second.getSpanId());
		assertThat(List.of(first.getTraceId(), second.getTraceId())).containsOnly(rounds.get(0).getTraceId());
		standIn.assertNoRequestHadHeader(STREAM_LINK_HEADER);
	}

	List<SpanData> awaitModelSpans(String requestId, int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.spans.all()
				.stream()
				.filter((span) -> requestId.equals(span.getAttributes().get(REQUEST_ID)))
				.filter((span) -> this.spans.find((child) -> child.getKind() == SpanKind.CLIENT
						&& child.getParentSpanId().equals(span.getSpanId())) != null)
				.toList(), (found) -> found.size() >= count);
	}

	private SpanData httpSpanUnder(SpanData modelSpan) {
		List<SpanData> http = this.spans.all()
			.stream()
			.filter((span) -> span.getKind() == SpanKind.CLIENT && span.getParentSpanId().equals(modelSpan.getSpanId()))
			.toList();
		assertThat(http).as("HTTP client spans under %s", modelSpan.getName()).hasSize(1);
		return http.get(0);
	}

	String post(String path, String body, String requestId) {
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.accept(MediaType.ALL)
			.header("X-Request-Id", requestId)
			.body(body)
			.retrieve()
			.body(String.class);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SpanCollection {

		@Bean
		CollectedSpans collectedSpans() {
			return new CollectedSpans();
		}

	}

	/**
	 * Keeps every span the application exports.
	 */
	static class CollectedSpans implements SpanExporter {

		private final List<SpanData> spans = new CopyOnWriteArrayList<>();

		@Override
		public CompletableResultCode export(Collection<SpanData> batch) {
			this.spans.addAll(batch);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

		List<SpanData> all() {
			return List.copyOf(this.spans);
		}

		SpanData find(Predicate<SpanData> condition) {
			return this.spans.stream().filter(condition).findFirst().orElse(null);
		}

		void clear() {
			this.spans.clear();
		}

	}

}
