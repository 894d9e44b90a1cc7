package dev.llmtracing.it;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import dev.llmtracing.testsupport.StandInModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The set-up shared by the end-to-end tests that talk to the stand-in model through the
 * real Spring AI OpenAI client: the model server on a free port, the client's properties,
 * and the capture of the application's log events.
 *
 * @author llm-tracing
 */
abstract class StandInModelIT {

	@RegisterExtension
	static final StandInModel standIn = new StandInModel(Duration.ofMillis(20));

	static RecordCapture capture;

	private int writtenBefore;

	private int modelCallsWithoutRecord;

	@AfterAll
	static void closeCapture() {
		if (capture != null) {
			capture.close();
			capture = null;
		}
	}

	@DynamicPropertySource
	static void modelProperties(DynamicPropertyRegistry registry) {
		openAiProperties(registry::add, () -> standIn.server().getBaseUrl());
	}

	static void openAiProperties(BiConsumer<String, Supplier<Object>> add, Supplier<Object> baseUrl) {
		add.accept("spring.ai.openai.base-url", baseUrl);
		add.accept("spring.ai.openai.api-key", () -> "test-key");
		add.accept("spring.ai.openai.max-retries", () -> 0);
		add.accept("spring.ai.openai.chat.model", () -> "stand-in-it");
		add.accept("spring.ai.openai.chat.temperature", () -> 0.4);
		add.accept("spring.ai.openai.chat.max-tokens", () -> 64);
	}

	@BeforeEach
	void attachCapture() {
		if (capture == null) {
			capture = new RecordCapture();
		}
		capture.attach();
		this.writtenBefore = capture.written();
		this.modelCallsWithoutRecord = 0;
	}

	/**
	 * Wait until every model call of the test has its record. Each call reaches the
	 * stand-in once (retries are off) and gives exactly one record, but the record is
	 * written on the dispatcher's background thread, possibly after the caller got its
	 * answer: without this wait such a record lands in the capture of the next test,
	 * after that test cleared it.
	 */
	@AfterEach
	void awaitTheRecordOfEveryModelCall() {
		int modelCalls = standIn.server().getRequestCount() - this.modelCallsWithoutRecord;
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(capture.written() - this.writtenBefore).as("records written by the test")
				.isGreaterThanOrEqualTo(modelCalls));
	}

	/**
	 * Tell {@link #awaitTheRecordOfEveryModelCall()} that the test made model calls that
	 * give no record, through an application without the starter.
	 * @param count the number of such calls
	 */
	void expectModelCallsWithoutRecord(int count) {
		this.modelCallsWithoutRecord += count;
	}

}
