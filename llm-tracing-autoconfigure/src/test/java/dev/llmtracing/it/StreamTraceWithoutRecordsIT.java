package dev.llmtracing.it;

import io.opentelemetry.api.common.AttributeKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamTraceIT} when nothing reads exchange records (record lines, request
 * records, metrics and quality signals off): streams then run without llm-tracing's
 * advisor, and each model call of a stream, also a tool-calling round on another thread,
 * must still carry the caller's request ID and sit in the caller's trace.
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

	@Autowired
	private CollectedSpans collected;

	private int modelCallsBefore;

	@BeforeEach
	void countModelCalls() {
		this.modelCallsBefore = standIn.server().getRequestCount();
	}

	@AfterEach
	void noAdvisorSpanOfLlmTracing() {
		expectModelCallsWithoutRecord(standIn.server().getRequestCount() - this.modelCallsBefore);
		assertThat(this.collected.all()).isNotEmpty()
			.noneMatch((span) -> "llm-tracing".equals(span.getAttributes().get(ADVISOR_NAME)));
	}

}
