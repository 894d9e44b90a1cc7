package dev.llmtracing.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SSE streams of a WebFlux application when nothing reads exchange records: they run
 * without llm-tracing's advisor, and the model span of each stream must still carry its
 * caller's request ID, in its caller's trace, with concurrent streams never mixed.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = { ReactiveTestApplication.class, StreamTraceIT.SpanCollection.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms", "llm.tracing.record.enabled=false",
				"llm.tracing.requests.enabled=false", "llm.tracing.metrics.enabled=false",
				"llm.tracing.quality.enabled=false", "llm.tracing.feedback.enabled=false" })
class ReactiveStreamWithoutRecordsIT extends StandInModelIT {

	private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("llm.request.id");

	private static final AttributeKey<String> ADVISOR_NAME = AttributeKey.stringKey("spring.ai.advisor.name");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private StreamTraceIT.CollectedSpans spans;

	@AfterAll
	static void restoreContextPropagation() {
		// Boot switched on a global Reactor hook for this context; later test classes in
		// this JVM expect Boot's default
		Hooks.disableAutomaticContextPropagation();
	}

	@Test
	void concurrentSseStreamsKeepTheirCallerIdsOnTheirModelSpans() throws Exception {
		List<String> requestIds = IntStream.range(0, 24).mapToObj((i) -> "req-floor-sse-" + i).toList();
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Future<HttpResponse<String>>> responses = requestIds.stream()
				.map((id) -> callers.submit(() -> stream("floor stream " + id, id)))
				.toList();
			for (Future<HttpResponse<String>> response : responses) {
				assertThat(response.get().statusCode()).isEqualTo(200);
				assertThat(response.get().body()).contains("data:");
			}
		}
		finally {
			callers.shutdownNow();
		}
		expectModelCallsWithoutRecord(requestIds.size());
		for (String requestId : requestIds) {
			List<SpanData> modelSpans = await().atMost(Duration.ofSeconds(10))
				.until(() -> this.spans.all()
					.stream()
					.filter((span) -> requestId.equals(span.getAttributes().get(REQUEST_ID)))
					.toList(), (found) -> !found.isEmpty());
			assertThat(modelSpans).as("model spans of %s", requestId).hasSize(1);
			String traceId = modelSpans.get(0).getTraceId();
			assertThat(this.spans.all()).as("server span in the trace of %s", requestId)
				.anyMatch((span) -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId));
		}
		assertThat(this.spans.all()).noneMatch((span) -> "llm-tracing".equals(span.getAttributes().get(ADVISOR_NAME)));
	}

	private HttpResponse<String> stream(String message, String requestId) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/stream"))
			.timeout(Duration.ofSeconds(60))
			.header("X-Request-Id", requestId)
			.POST(HttpRequest.BodyPublishers.ofString(message))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
