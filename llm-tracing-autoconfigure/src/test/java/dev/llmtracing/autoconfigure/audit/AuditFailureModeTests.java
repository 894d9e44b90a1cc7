package dev.llmtracing.autoconfigure.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.audit.AuditTrailException;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.chat.LlmTracingChatAutoConfiguration;
import dev.llmtracing.autoconfigure.health.LlmTracingHealthAutoConfiguration;
import dev.llmtracing.record.RequiredExchangeListener;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@code llm.tracing.audit.on-failure}: with {@code drop-and-count} an audit
 * line that cannot be written never touches the model call, with {@code fail-closed} the
 * call fails with an {@link AuditTrailException} after every other observation handler
 * has stopped. Both count the failure as component {@code audit} and make the health
 * {@code DEGRADED}, never {@code DOWN}.
 *
 * @author llm-tracing
 */
class AuditFailureModeTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, LlmTracingAutoConfiguration.class,
				LlmTracingChatAutoConfiguration.class, LlmTracingAuditAutoConfiguration.class,
				LlmTracingHealthAutoConfiguration.class))
		.withUserConfiguration(StopRecorder.class)
		.withPropertyValues("llm.tracing.audit.enabled=true");

	@TempDir
	Path dir;

	@Test
	void dropAndCountIsTheDefaultAndNeverTouchesTheCall() throws IOException {
		this.runner.withPropertyValues("llm.tracing.audit.file=" + unwritableFile()).run((context) -> {
			assertThat(context).doesNotHaveBean(RequiredExchangeListener.class);
			ChatResponse response = response();
			assertThat(call(context, false, response)).isSameAs(response);
			await().atMost(Duration.ofSeconds(5)).until(() -> auditFailures(context) == 1);
			assertThat(health(context)).isEqualTo(new Status("DEGRADED"));
		});
	}

	@Test
	void failClosedFailsTheCallNamingTheFileTheCauseAndTheProperty() throws IOException {
		Path file = unwritableFile();
		this.runner.withPropertyValues("llm.tracing.audit.file=" + file, "llm.tracing.audit.on-failure=fail-closed")
			.run((context) -> {
				assertThatExceptionOfType(AuditTrailException.class).isThrownBy(() -> call(context, false, response()))
					.withMessageContaining("'" + file + "'")
					.withMessageContaining("FileAlreadyExistsException")
					.withMessageContaining("llm.tracing.audit.on-failure=fail-closed")
					.satisfies((ex) -> assertThat(ex.getFile()).isEqualTo(file));
				assertThat(context.getBean(StopRecorder.class).stopped).as("other handlers stopped").hasSize(1);
				assertThat(auditFailures(context)).isEqualTo(1);
				assertThat(health(context)).isEqualTo(new Status("DEGRADED"));
			});
	}

	@Test
	void failClosedWritesTheLineBeforeTheCallReturnsAndOnlyOnce() {
		Path file = this.dir.resolve("logs/audit.jsonl");
		this.runner.withPropertyValues("llm.tracing.audit.file=" + file, "llm.tracing.audit.on-failure=FAIL_CLOSED")
			.run((context) -> {
				call(context, false, response());
				assertThat(Files.readAllLines(file)).hasSize(1);
				call(context, false, response());
				assertThat(Files.readAllLines(file)).hasSize(2);
				assertThat(health(context)).isEqualTo(Status.UP);
			});
		assertThat(lines(file)).as("after the record writer drained").hasSize(2);
	}

	@Test
	void failClosedCannotFailAStreamThatHasCompletedButCountsIt() throws IOException {
		this.runner
			.withPropertyValues("llm.tracing.audit.file=" + unwritableFile(),
					"llm.tracing.audit.on-failure=fail-closed")
			.run((context) -> {
				ChatResponse response = response();
				assertThat(call(context, true, response)).isSameAs(response);
				assertThat(auditFailures(context)).isEqualTo(1);
				assertThat(health(context)).isEqualTo(new Status("DEGRADED"));
			});
	}

	@Test
	void invalidOnFailureFailsAtStartUpNamingTheProperty() {
		this.runner.withPropertyValues("llm.tracing.audit.on-failure=sometimes")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("llm.tracing.audit.on-failure")
				.hasStackTraceContaining("sometimes"));
	}

	private Path unwritableFile() throws IOException {
		Path blocker = Files.writeString(this.dir.resolve("logs"), "a file where the audit directory should be");
		return blocker.resolve("audit.jsonl");
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object call(AssertableApplicationContext context, boolean streaming, ChatResponse response) {
		ChatModelObservationContext observationContext = ChatModelObservationContext.builder()
			.prompt(new Prompt("Hello", ChatOptions.builder().model("gpt-test").build()))
			.provider("openai")
			.streaming(streaming)
			.build();
		return Observation
			.createNotStarted("gen_ai.client.operation", () -> observationContext,
					context.getBean(ObservationRegistry.class))
			.observe(() -> {
				observationContext.setResponse(response);
				return response;
			});
	}

	private static long auditFailures(AssertableApplicationContext context) {
		return context.getBean(InstrumentationFailures.class).count(InstrumentedComponent.AUDIT);
	}

	private static Status health(AssertableApplicationContext context) {
		return context.getBean("llmTracingHealthIndicator", HealthIndicator.class).health(true).getStatus();
	}

	private static ChatResponse response() {
		return new ChatResponse(List.of(new Generation(new AssistantMessage("Hi"))),
				ChatResponseMetadata.builder()
					.id("resp-1")
					.model("gpt-test")
					.usage(new DefaultUsage(1, 2))
					.metadata(Map.of())
					.build());
	}

	@Configuration(proxyBeanMethods = false)
	static class StopRecorder {

		final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Bean
		ObservationHandler<Observation.Context> stopRecordingHandler() {
			return new ObservationHandler<>() {

				@Override
				public void onStop(Observation.Context context) {
					StopRecorder.this.stopped.add(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

			};
		}

	}

}
