package dev.llmtracing.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.record.RecordSchema;
import dev.llmtracing.standin.StandInReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests that token usage the provider did not report is absent from the
 * record, the summary, the cost and the meters, never a made-up zero, for calls and
 * streams, through a {@code ChatClient} and directly, over real HTTP to the stand-in
 * model with the real Spring AI OpenAI client.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = CaptureTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "llm.tracing.cost.prices[0].model=stand-in*", "llm.tracing.cost.prices[0].input=1",
				"llm.tracing.cost.prices[0].output=2" })
class UsageReportIT extends StandInModelIT {

	private static final List<String> TOKEN_FIELDS = List.of("gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens",
			"llm.cost.amount", "llm.cost.currency");

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meterRegistry;

	private RestClient client;

	@BeforeEach
	void reset() {
		this.client = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
		standIn.server().reset();
		capture.clear();
	}

	@Test
	void streamWithUsageChunkRecordsTheProvidersFigures() {
		post("/stream", "Tell me a story");
		Map<String, Object> record = awaitRecords(1).get(0);
		StandInReply reply = standIn.server().getReplies().get(0);
		assertThat(record).containsEntry("gen_ai.usage.input_tokens", reply.promptTokens())
			.containsEntry("gen_ai.usage.output_tokens", reply.completionTokens())
			.containsKey("llm.cost.amount")
			.doesNotContainKey("llm.usage.reported");
	}

	@Test
	void streamWithoutUsageChunkRecordsNoFigures() {
		double before = unreported();
		post("/stream", "Tell me a story [no-usage]");
		assertUnreported(awaitRecords(1).get(0));
		assertThat(summaries()).singleElement().asString().contains("usage not reported").doesNotContain("tokens");
		assertThat(unreported()).isEqualTo(before + 1);
	}

	@Test
	void directStreamWithoutUsageChunkRecordsNoFigures() {
		post("/direct-stream", "Stream it [no-usage]");
		assertUnreported(awaitRecords(1).get(0));
	}

	@Test
	void toolCallingStreamWithoutUsageRecordsNoFiguresForEachRound() {
		post("/tools-stream", "What time is it in Osaka? [no-usage]");
		List<Map<String, Object>> records = awaitRecords(2);
		records.forEach(this::assertUnreported);
	}

	@Test
	void callWhoseProviderReturnsNoUsageObjectRecordsNoFigures() {
		double before = unreported();
		post("/call", "Hello [no-usage]");
		assertUnreported(awaitRecords(1).get(0));
		assertThat(unreported()).isEqualTo(before + 1);
	}

	private void assertUnreported(Map<String, Object> record) {
		assertThat(record).containsEntry("outcome", "success")
			.containsEntry("llm.usage.reported", false)
			.doesNotContainKeys(TOKEN_FIELDS.toArray(String[]::new));
	}

	private double unreported() {
		Counter counter = this.meterRegistry.find("llm.client.usage.unreported")
			.tag("gen_ai.request.model", "stand-in-it")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private List<String> summaries() {
		return capture.events()
			.stream()
			.filter((event) -> "llm.tracing.exchange".equals(event.getLoggerName()))
			.map((event) -> event.getFormattedMessage())
			.toList();
	}

	private void post(String path, String body) {
		this.client.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.accept(MediaType.ALL)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private static List<Map<String, Object>> awaitRecords(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> capture.records().size() >= count);
		List<Map<String, Object>> records = capture.records();
		assertThat(records).as("exchange records").hasSize(count);
		records.forEach(RecordSchema::assertValid);
		return records;
	}

}
