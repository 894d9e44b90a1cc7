package dev.llmtracing.sample.zipkin;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.llmtracing.sample.support.SampleApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app exports its spans to a real Zipkin server; the traces read back through
 * Zipkin's HTTP API must show one trace per inbound request (across a hop to a second
 * service too), with the IDs as attributes of the model span.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.export.zipkin.enabled=true", "management.tracing.sampling.probability=1.0",
				"sample.log.json-file=target/zipkin-it.json" })
class ZipkinTracesIT {

	private static ZipkinServer zipkin;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startZipkin() throws IOException {
		zipkin = ZipkinServer.start();
	}

	@AfterAll
	static void stopZipkin() throws IOException {
		if (zipkin != null) {
			zipkin.close();
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleApp.standInOnFreePort(registry);
		registry.add("management.tracing.export.zipkin.endpoint", () -> zipkin.spansEndpoint());
	}

	@Test
	void callIsOneTraceFromTheInboundRequestToTheModelsHttpCall() {
		SampleApp.post(SampleApp.client(this.port), "/chat", "Hello Zipkin", "zipkin-call-1", "zipkin-ctx-1",
				"zipkin-user-1");
		List<Map<String, Object>> trace = awaitTrace("zipkin-call-1", 6);
		Map<String, Object> server = span(trace, "http post /chat");
		Map<String, Object> model = span(trace, "chat stand-in-small");
		assertThat(server.get("kind")).isEqualTo("SERVER");
		assertThat(ancestors(trace, model)).contains(server.get("id"))
			.contains(span(trace, "spring_ai chat_client").get("id"));
		assertThat(tags(model)).containsEntry("llm.request.id", "zipkin-call-1")
			.containsEntry("llm.user.id", "zipkin-user-1")
			.containsEntry("gen_ai.conversation.id", "zipkin-ctx-1")
			.containsEntry("gen_ai.provider.name", "openai")
			.containsEntry("llm.prompt.name", "sample-chat")
			.containsKey("llm.exchange.id");
		assertThat(modelHttpSpan(trace, model).get("traceId")).isEqualTo(server.get("traceId"));
		// a call observes no llm-tracing advisor: it only hands the IDs down
		assertThat(names(trace)).noneMatch((name) -> name.toString().contains("llm-tracing"));
	}

	@Test
	void streamIsOneTraceFromTheInboundRequestToTheModelsHttpCall() {
		SampleApp.post(SampleApp.client(this.port), "/chat/stream", "Stream to Zipkin", "zipkin-stream-1", null,
				"zipkin-user-2");
		List<Map<String, Object>> trace = awaitTrace("zipkin-stream-1", 7);
		Map<String, Object> server = span(trace, "http post /chat/stream");
		Map<String, Object> model = span(trace, "chat stand-in-small");
		assertThat(ancestors(trace, model)).contains(server.get("id"))
			.contains(span(trace, "spring_ai chat_client").get("id"));
		assertThat(tags(model)).containsEntry("llm.request.id", "zipkin-stream-1")
			.containsEntry("llm.user.id", "zipkin-user-2");
		assertThat(modelHttpSpan(trace, model).get("traceId")).isEqualTo(server.get("traceId"));
	}

	@Test
	void tripIsOneTreeFromTheInboundRequestThroughItsStagesToTheModelsHttpCall() {
		SampleApp.post(SampleApp.client(this.port), "/trip", "Which temples should I see in Kyoto?", "zipkin-trip-1",
				null, "zipkin-user-4");
		List<Map<String, Object>> trace = awaitTrace("zipkin-trip-1", 8);
		Map<String, Object> server = span(trace, "http post /trip");
		Map<String, Object> shaping = span(trace, "stage output-shaping");
		Map<String, Object> promptBuild = span(trace, "stage prompt-build");
		Map<String, Object> model = span(trace, "chat stand-in-small");
		assertThat(shaping.get("parentId")).as("parent of the output-shaping stage").isEqualTo(server.get("id"));
		assertThat(promptBuild.get("parentId")).as("parent of the prompt-build stage").isEqualTo(server.get("id"));
		assertThat(ancestors(trace, model)).as("ancestors of the model span")
			.contains(shaping.get("id"), server.get("id"))
			.doesNotContain(promptBuild.get("id"));
		assertThat(modelHttpSpan(trace, model).get("traceId")).isEqualTo(server.get("traceId"));
		assertThat(tags(shaping)).containsEntry("stage", "output-shaping").containsEntry("outcome", "success");
		// the embedding call of the retrieval is in the same trace, outside the stages
		Map<String, Object> embedding = trace.stream()
			.filter((span) -> String.valueOf(span.get("name")).startsWith("embedding"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no embedding span in " + names(trace)));
		assertThat(ancestors(trace, embedding)).contains(server.get("id"))
			.doesNotContain(shaping.get("id"), promptBuild.get("id"));
	}

	@Test
	void feedbackIsAnEvaluationSpanUnderTheRatedModelCallInItsTrace() {
		ResponseEntity<String> answer = SampleApp.post(SampleApp.client(this.port), "/chat", "Rate me", "zipkin-fb-1",
				null, "zipkin-user-5");
		String exchangeId = answer.getHeaders().getFirst("X-Exchange-Id");
		assertThat(exchangeId).as("X-Exchange-Id of the answer").isNotBlank();
		ResponseEntity<String> accepted = SampleApp.client(this.port)
			.post()
			.uri("/llm-tracing/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-User-Id", "zipkin-user-5")
			.body("{\"exchangeId\":\"" + exchangeId + "\",\"name\":\"thumbs\",\"value\":1,\"label\":\"up\"}")
			.retrieve()
			.toEntity(String.class);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		List<Map<String, Object>> trace = await().atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> zipkin.tracesWithTag("llm.request.id", "zipkin-fb-1"),
					(traces) -> traces.size() == 1 && names(traces.get(0)).contains("evaluation thumbs"))
			.get(0);
		Map<String, Object> model = span(trace, "chat stand-in-small");
		Map<String, Object> evaluation = span(trace, "evaluation thumbs");
		assertThat(tags(model)).containsEntry("llm.exchange.id", exchangeId);
		assertThat(evaluation.get("parentId")).as("parent of the evaluation span").isEqualTo(model.get("id"));
		assertThat(tags(evaluation)).containsEntry("gen_ai.evaluation.name", "thumbs")
			.containsEntry("gen_ai.evaluation.score.label", "up")
			.containsKey("gen_ai.evaluation.score.value");
		assertThat(String.valueOf(evaluation.get("annotations"))).contains("gen_ai.evaluation.result");
	}

	@Test
	void hopToASecondServiceStaysInOneTraceWithTheCallersIds() {
		SampleApp.post(SampleApp.client(this.port), "/hop", "Hop through Zipkin", "zipkin-hop-1", null,
				"zipkin-user-3");
		List<Map<String, Object>> trace = awaitTrace("zipkin-hop-1", 8);
		Map<String, Object> upstream = span(trace, "http post /hop");
		Map<String, Object> downstream = span(trace, "http post /chat");
		Map<String, Object> model = span(trace, "chat stand-in-small");
		assertThat(ancestors(trace, downstream)).contains(upstream.get("id"));
		assertThat(ancestors(trace, model)).contains(downstream.get("id"), upstream.get("id"));
		assertThat(tags(model)).containsEntry("llm.request.id", "zipkin-hop-1")
			.containsEntry("llm.user.id", "zipkin-user-3");
	}

	private static Map<String, Object> modelHttpSpan(List<Map<String, Object>> trace, Map<String, Object> model) {
		return trace.stream()
			.filter((span) -> "CLIENT".equals(span.get("kind")) && model.get("id").equals(span.get("parentId")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no HTTP client span under the model span: " + names(trace)));
	}

	private List<Map<String, Object>> awaitTrace(String requestId, int minSpans) {
		return await().atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> zipkin.tracesWithTag("llm.request.id", requestId),
					(traces) -> traces.size() == 1 && traces.get(0).size() >= minSpans)
			.get(0);
	}

	private static Map<String, Object> span(List<Map<String, Object>> trace, String name) {
		return trace.stream()
			.filter((span) -> name.equals(span.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span '" + name + "' in " + names(trace)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> tags(Map<String, Object> span) {
		return (Map<String, String>) Optional.ofNullable(span.get("tags")).orElse(Map.of());
	}

	private static List<Object> ancestors(List<Map<String, Object>> trace, Map<String, Object> span) {
		Map<Object, Map<String, Object>> byId = trace.stream()
			.collect(Collectors.toMap((s) -> s.get("id"), (s) -> s, (a, b) -> a));
		List<Object> ancestors = new java.util.ArrayList<>();
		Object parent = span.get("parentId");
		while (parent != null && byId.containsKey(parent) && ancestors.size() < 50) {
			ancestors.add(parent);
			parent = byId.get(parent).get("parentId");
		}
		return ancestors;
	}

	private static Set<Object> names(List<Map<String, Object>> trace) {
		return trace.stream().map((span) -> span.get("name")).collect(Collectors.toSet());
	}

}
