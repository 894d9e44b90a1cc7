package dev.llmtracing.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.llmtracing.audit.AuditTrailException;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.testsupport.StandInModel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * An audit directory that cannot be created, over real HTTP with the real OpenAI client:
 * with {@code llm.tracing.audit.on-failure=drop-and-count} the caller gets its answer and
 * the failure is counted; with {@code fail-closed} the model answers but the caller gets
 * an {@link AuditTrailException} (HTTP 500 over the application's endpoint), never the
 * answer.
 *
 * @author llm-tracing
 */
class AuditFailClosedIT {

	@RegisterExtension
	static final StandInModel standIn = new StandInModel();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		StandInModelIT.openAiProperties(registry::add, () -> standIn.server().getBaseUrl());
		Path blocker = Files.createTempFile("llm-audit-blocker", ".txt");
		registry.add("llm.tracing.audit.file", () -> blocker.resolve("audit.jsonl").toString());
	}

	static RestClient client(int port) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
		requestFactory.setReadTimeout(Duration.ofSeconds(60));
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(requestFactory)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	static ResponseEntity<String> post(int port, String path, String body) {
		return client(port).post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	@Nested
	@SpringBootTest(classes = CaptureTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "llm.tracing.audit.enabled=true")
	class DropAndCount {

		@LocalServerPort
		int port;

		@Autowired
		InstrumentationFailures failures;

		@Test
		void callerGetsTheAnswerAndTheFailureIsCounted() {
			ResponseEntity<String> response = post(this.port, "/call", "Audit me");
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getBody()).isEqualTo("Stand-in reply to: Audit me");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.failures.count(InstrumentedComponent.AUDIT)).isEqualTo(1));
		}

	}

	@Nested
	@SpringBootTest(classes = CaptureTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "llm.tracing.audit.enabled=true", "llm.tracing.audit.on-failure=fail-closed" })
	class FailClosed {

		@LocalServerPort
		int port;

		@Autowired
		InstrumentationFailures failures;

		@Autowired
		ChatClient chatClient;

		@Autowired
		ChatModel chatModel;

		@Test
		void theModelAnswersButTheCallerGetsNoAnswer() {
			int modelCalls = standIn.server().getRequestCount();
			ResponseEntity<String> response = post(this.port, "/call", "Audit me");
			assertThat(response.getStatusCode().value()).isEqualTo(500);
			assertThat(response.getBody()).doesNotContain("Stand-in reply");
			assertThat(standIn.server().getRequestCount()).as("the model did answer").isEqualTo(modelCalls + 1);
			assertThat(this.failures.count(InstrumentedComponent.AUDIT)).isEqualTo(1);
		}

		@Test
		void chatClientAndDirectModelCallsThrowTheAuditTrailException() {
			assertThatExceptionOfType(AuditTrailException.class)
				.isThrownBy(() -> this.chatClient.prompt().user("Audit me").call().content())
				.withMessageContaining("audit.jsonl")
				.withMessageContaining("llm.tracing.audit.on-failure=fail-closed");
			assertThatExceptionOfType(AuditTrailException.class)
				.isThrownBy(() -> this.chatModel.call(new Prompt("Audit me")))
				.withMessageContaining("FileAlreadyExistsException");
		}

		@Test
		void aToolLoopFailsAtItsFirstRound() {
			int modelCalls = standIn.server().getRequestCount();
			ResponseEntity<String> response = post(this.port, "/tools", "Time in Kyoto");
			assertThat(response.getStatusCode().value()).isEqualTo(500);
			assertThat(response.getBody()).doesNotContain("12:00");
			assertThat(standIn.server().getRequestCount()).as("no second round").isEqualTo(modelCalls + 1);
		}

	}

}
