package dev.llmtracing.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.llmtracing.sample.support.SampleApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample's trip endpoint over real HTTP, with the stand-in model answering its
 * embeddings and its structured output: the request record puts every millisecond of the
 * request in a part (the retrieval, the two stages, the model call and the rest), and
 * making the embeddings slow moves the time into {@code retrieval}.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.log.json-file=target/trip-request-record-it.json")
class TripRequestRecordIT {

	private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(TripRequestRecordIT.class.getResourceAsStream("/META-INF/llm-tracing/request-record.schema.json"));

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Path jsonLog = SampleApp.freshLog(Path.of("target/trip-request-record-it.json"));

	private static final String QUESTION = "Which temples should I see in Kyoto?";

	@LocalServerPort
	private int port;

	@Autowired
	private SimpleVectorStore tripGuides;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleApp.standInOnFreePort(registry);
	}

	@Test
	void tripAnswersWithTheShapedRecordAndARequestRecordOfEveryPart() throws IOException {
		ResponseEntity<String> response = SampleApp.post(SampleApp.client(this.port), "/trip", QUESTION, "trip-req-1",
				"trip-ctx-1", null);
		JsonNode advice = MAPPER.readTree(response.getBody());
		assertThat(advice.path("destination").asString()).startsWith("Stand-in destination for: You advise");
		assertThat(advice.path("highlights")).hasSize(1);

		Map<String, Object> record = awaitRequestRecord("trip-req-1");
		assertThat(record).containsEntry("http.route", "/trip")
			.containsEntry("contextId", "trip-ctx-1")
			.containsEntry("outcome", "success")
			.containsEntry("llm.request.model_calls", 1);
		assertThat((List<?>) record.get("exchangeIds")).hasSize(1);
		Map<String, Integer> breakdown = breakdown(record);
		// prompt-build renders a template in well under a millisecond once warm, and a
		// part
		// of 0 ms is left out of the breakdown, so only the parts that take time are
		// required
		assertThat(breakdown).containsKeys("model", "retrieval", "output-shaping");
		assertThat(breakdown.keySet()).isSubsetOf("model", "retrieval", "prompt-build", "output-shaping", "other");
		assertThat(breakdown.get("model")).isGreaterThanOrEqualTo(40);
		assertThat(sum(breakdown)).isEqualTo(record.get("durationMs"));
	}

	@Test
	void slowEmbeddingsMoveTheirTimeIntoRetrieval() throws IOException {
		SampleApp.post(SampleApp.client(this.port), "/trip", "[embed-delay:300] " + QUESTION, "trip-req-slow", null,
				null);
		Map<String, Object> slowRecord = awaitRequestRecord("trip-req-slow");
		Map<String, Integer> slow = breakdown(slowRecord);
		// the 300 ms wait of the embedding call is in retrieval, and the model part is
		// the chat call's own time; lower bounds only, as a loaded machine only adds time
		assertThat(slow.get("retrieval")).isGreaterThanOrEqualTo(300);
		Map<String, Object> chatCall = SampleApp.exchangeRecords(jsonLog)
			.stream()
			.filter((exchange) -> "trip-req-slow".equals(exchange.get("requestId")))
			.filter((exchange) -> "chat".equals(exchange.get("gen_ai.operation.name")))
			.findFirst()
			.orElseThrow();
		assertThat(slow.get("model")).as("the chat call's own time")
			.isLessThanOrEqualTo((int) ((Number) chatCall.get("durationMs")).doubleValue() + 1);
		assertThat(sum(slow)).isEqualTo(slowRecord.get("durationMs"));
	}

	@Test
	void guidesAreRetrievedByTheWordsTheyShareWithTheQuestion() {
		List<Document> found = this.tripGuides
			.similaritySearch(SearchRequest.builder().query("Trams and viewpoints of Lisbon").topK(2).build());
		assertThat(found).extracting((document) -> document.getMetadata().get("destination"))
			.containsExactly("Lisbon", "Lisbon");
	}

	@Test
	void prometheusKeepsTheChatAndTheEmbeddingMetersSideBySide() {
		SampleApp.post(SampleApp.client(this.port), "/trip", QUESTION, "trip-req-metrics", null, null);
		String scrape = SampleApp.client(this.port).get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).containsPattern("gen_ai_client_token_usage_total\\{[^}]*gen_ai_operation_name=\"embedding\"")
			.containsPattern("gen_ai_client_token_usage_total\\{[^}]*llm_prompt_name=\"sample-trip\"")
			.containsPattern("gen_ai_client_operation_seconds_count\\{[^}]*llm_prompt_name=\"sample-trip\"")
			.contains("llm_request_part_duration_seconds_count{part=\"retrieval\",route=\"/trip\"}");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Integer> breakdown(Map<String, Object> record) {
		return (Map<String, Integer>) record.get("breakdown");
	}

	private static int sum(Map<String, Integer> breakdown) {
		return breakdown.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static Map<String, Object> awaitRequestRecord(String requestId) throws IOException {
		await().atMost(Duration.ofSeconds(10)).until(() -> byRequest(requestId) != null);
		return byRequest(requestId);
	}

	private static Map<String, Object> byRequest(String requestId) throws IOException {
		return SampleApp.requestRecords(jsonLog, (line) -> {
			assertThat(SCHEMA.validate(MAPPER.readTree(line))).as("schema errors of %s", line).isEmpty();
		}).stream().filter((record) -> requestId.equals(record.get("requestId"))).findFirst().orElse(null);
	}

}
