package dev.llmtracing.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import dev.llmtracing.testsupport.StandInModel;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the IDs follow the work: to {@code @Async} methods, Spring-managed executors
 * and Reactor threads, and to other services through outgoing calls (only to allowed
 * hosts), and that no thread keeps them afterwards.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = PropagationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.reactor.context-propagation=auto", "llm.tracing.propagation.allowed-hosts=localhost",
				"management.tracing.sampling.probability=1.0", "spring.task.execution.pool.core-size=1",
				"spring.task.execution.pool.max-size=1", "spring.ai.model.chat=none" })
class PropagationIT {

	@RegisterExtension
	static final StandInModel standIn = new StandInModel();

	@LocalServerPort
	private int port;

	@Autowired
	private AsyncTaskExecutor executor;

	@Autowired
	private Tracer tracer;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.openai.api-key", () -> "unused");
	}

	@Test
	void asyncMethodSeesTheRequestIds() throws Exception {
		assertThat(get("/async", "req-async-1")).isEqualTo("req-async-1");
		assertExecutorThreadIsClean();
	}

	@Test
	void springManagedExecutorSeesTheRequestIds() throws Exception {
		assertThat(get("/executor", "req-exec-1")).isEqualTo("req-exec-1");
		assertThat(get("/executor", "req-exec-2")).isEqualTo("req-exec-2");
		assertExecutorThreadIsClean();
	}

	@Test
	void reactorThreadSeesTheRequestIds() {
		assertThat(get("/reactor", "req-reactor-1")).isEqualTo("req-reactor-1");
	}

	@Test
	void allowedHostReceivesIdHeadersAndBaggage() {
		String url = "http://localhost:" + standIn.server().getPort() + "/v1/chat/completions";
		get("/outgoing?url=" + url, "req-out-1");
		Map<String, List<String>> headers = standIn.server().getRequestHeaders().get(0);
		assertThat(header(headers, "X-request-id")).isEqualTo("req-out-1");
		assertThat(header(headers, "X-user-id")).isEqualTo("user-7");
		assertThat(header(headers, "baggage")).contains("requestId=req-out-1").contains("userId=user-7");
		assertThat(header(headers, "traceparent")).isNotNull();
	}

	@Test
	void otherHostReceivesNoIds() {
		String url = "http://127.0.0.1:" + standIn.server().getPort() + "/v1/chat/completions";
		get("/outgoing?url=" + url, "req-out-2");
		Map<String, List<String>> headers = standIn.server().getRequestHeaders().get(0);
		assertThat(header(headers, "X-request-id")).isNull();
		assertThat(header(headers, "X-user-id")).isNull();
		assertThat(header(headers, "requestId")).isNull();
		assertThat(header(headers, "userId")).isNull();
		String baggage = header(headers, "baggage");
		assertThat((baggage != null) ? baggage : "").doesNotContain("req-out-2").doesNotContain("user-7");
		assertThat(header(headers, "traceparent")).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/outgoing-webclient", "/outgoing-resttemplate" })
	void webClientAndRestTemplateFollowTheSameHostPolicy(String endpoint) {
		get(endpoint + "?url=http://localhost:" + standIn.server().getPort() + "/v1/chat/completions", "req-allowed-1");
		get(endpoint + "?url=http://127.0.0.1:" + standIn.server().getPort() + "/v1/chat/completions", "req-other-1");
		List<Map<String, List<String>>> requests = standIn.server().getRequestHeaders();
		assertThat(requests).hasSize(2);
		assertThat(header(requests.get(0), "X-request-id")).isEqualTo("req-allowed-1");
		assertThat(header(requests.get(0), "X-user-id")).isEqualTo("user-7");
		assertThat(header(requests.get(1), "X-request-id")).isNull();
		assertThat(header(requests.get(1), "X-user-id")).isNull();
	}

	@Test
	void incomingBaggageIsValidatedLikeHeaders() {
		String body = getInTrace("/executor", Map.of("baggage", "requestId=from-upstream,userId=bad%20value"));
		assertThat(body).isEqualTo("from-upstream");
	}

	@Test
	void incomingBaggageFieldHeaderIsReadBeforeTheBaggageMember() {
		String body = getInTrace("/executor",
				Map.of("requestId", "from-field-header", "baggage", "requestId=from-upstream"));
		assertThat(body).isEqualTo("from-field-header");
	}

	@Test
	void theIdsAreNotTheTracersBaggageFields() {
		// with baggage fields, Micrometer matches every observation's key values against
		// them at each scope change; the filters read the field headers themselves
		assertThat(this.tracer.getBaggageFields()).isEmpty();
	}

	private void assertExecutorThreadIsClean() throws Exception {
		Future<Map<String, String>> leftover = this.executor.submit(MDC::getCopyOfContextMap);
		Map<String, String> mdc = leftover.get();
		assertThat((mdc != null) ? mdc : Map.of()).doesNotContainKeys("requestId", "contextId", "userId");
	}

	private String get(String path, String requestId) {
		return client().get()
			.uri(path)
			.header("X-Request-Id", requestId)
			.header("X-User-Id", "user-7")
			.retrieve()
			.body(String.class);
	}

	private String getInTrace(String path, Map<String, String> headers) {
		return client().get()
			.uri(path)
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.headers((http) -> headers.forEach(http::add))
			.retrieve()
			.body(String.class);
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	private static String header(Map<String, List<String>> headers, String name) {
		return headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map((entry) -> String.join(",", entry.getValue()))
			.findFirst()
			.orElse(null);
	}

}
