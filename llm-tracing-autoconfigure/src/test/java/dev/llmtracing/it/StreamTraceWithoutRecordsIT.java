package dev.llmtracing.it;

import java.time.Duration;
import java.util.Objects;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link StreamTraceIT} when nothing reads exchange records (record lines, request
 * records, metrics and quality signals off): calls and streams then run without
 * llm-tracing's advisor, and each model call, also a stream's tool-calling round on
 * another thread, must still carry the caller's request ID and sit in the caller's trace.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = { CaptureTestApplication.class, StreamTraceIT.SpanCollection.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms", "llm.tracing.record.enabled=false",
				"llm.tracing.requests.enabled=false", "llm.tracing.metrics.enabled=false",
				"llm.tracing.quality.enabled=false", "llm.tracing.feedback.enabled=false" })
class StreamTraceWithoutRecordsIT extends StreamTraceIT {

	private static final AttributeKey<String> ADVISOR_NAME = AttributeKey.stringKey("spring.ai.advisor.name");

	private static final AttributeKey<String> CLIENT_ADVISORS = AttributeKey
		.stringKey("spring.ai.chat.client.advisors");

	@Autowired
	private CollectedSpans collected;

	private int modelCallsBefore;

	@BeforeEach
	void countModelCalls() {
		this.modelCallsBefore = standIn.server().getRequestCount();
	}

	@Test
	void aCallRunsWithoutTheAdvisorAndItsModelSpanKeepsTheCallersIds() {
		assertThat(post("/call", "Hello", "req-trace-call-1")).isNotBlank();
		SpanData modelSpan = awaitModelSpans("req-trace-call-1", 1).get(0);
		SpanData clientSpan = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.collected.find((span) -> span.getTraceId().equals(modelSpan.getTraceId())
					&& span.getAttributes().get(CLIENT_ADVISORS) != null), Objects::nonNull);
		assertThat(clientSpan.getAttributes().get(CLIENT_ADVISORS)).isNotBlank().doesNotContain("llm-tracing");
	}

	@AfterEach
	void noAdvisorSpanOfLlmTracing() {
		expectModelCallsWithoutRecord(standIn.server().getRequestCount() - this.modelCallsBefore);
		assertThat(this.collected.all()).isNotEmpty()
			.noneMatch((span) -> "llm-tracing".equals(span.getAttributes().get(ADVISOR_NAME)));
	}

}
