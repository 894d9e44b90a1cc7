package dev.llmtracing.autoconfigure.propagation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.llmtracing.testsupport.StandInModel;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpObservationInterceptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamSpanLinkHandler} with a real OkHttp client, Micrometer's OkHttp
 * observation interceptor and the stand-in model server. The HTTP calls run on another
 * thread with no current observation, as the OpenAI SDK's streaming calls do.
 *
 * @author llm-tracing
 */
class StreamSpanLinkHandlerTests {

	@RegisterExtension
	static final StandInModel standIn = new StandInModel();

	private final InstrumentationFailures failures = new InstrumentationFailures();

	private final StreamSpanLinkHandler handler = new StreamSpanLinkHandler(this.failures);

	private final ParentRecorder parents = new ParentRecorder();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private OkHttpClient client;

	@BeforeEach
	void setUp() {
		this.registry.observationConfig().observationHandler(this.handler).observationHandler(this.parents);
		this.client = new OkHttpClient.Builder()
			.addInterceptor(OkHttpObservationInterceptor.builder(this.registry, "okhttp.requests").build())
			.build();
	}

	@Test
	void httpObservationWithTheMarkerOfAnOpenModelObservationGetsItAsParent() throws Exception {
		ChatModelObservationContext model = modelContext("marker-1");
		Observation observation = start(model);
		sendFromAnotherThread("marker-1");
		observation.stop();
		assertThat(this.parents.seen).hasSize(1);
		assertThat(this.parents.seen.get(0)).isNotNull();
		assertThat(this.parents.seen.get(0).getContextView()).isSameAs(model);
		StandInCalls.assertLinkHeaderNotReceived(standIn.server());
	}

	@Test
	void httpObservationIsLeftAloneWhenItsMarkerIsUnknownOrTheModelObservationStopped() throws Exception {
		ChatModelObservationContext model = modelContext("marker-2");
		start(model).stop();
		sendFromAnotherThread("marker-2");
		sendFromAnotherThread("marker-never-opened");
		assertThat(this.parents.seen).containsExactly(null, null);
		assertThat(this.handler.openLinks()).isZero();
		StandInCalls.assertLinkHeaderNotReceived(standIn.server());
	}

	@Test
	void twoOpenModelObservationsEachGetTheirOwnHttpObservation() throws Exception {
		ChatModelObservationContext first = modelContext("marker-a");
		ChatModelObservationContext second = modelContext("marker-b");
		Observation firstObservation = start(first);
		Observation secondObservation = start(second);
		sendFromAnotherThread("marker-b");
		sendFromAnotherThread("marker-a");
		firstObservation.stop();
		secondObservation.stop();
		assertThat(this.parents.seen).extracting(ObservationView::getContextView).containsExactly(second, first);
	}

	@Test
	void laterModelObservationWithTheSameMarkerTakesOverTheLink() throws Exception {
		ChatModelObservationContext first = modelContext("marker-same");
		ChatModelObservationContext retry = modelContext("marker-same");
		Observation firstObservation = start(first);
		Observation retryObservation = start(retry);
		firstObservation.stop();
		sendFromAnotherThread("marker-same");
		retryObservation.stop();
		assertThat(this.parents.seen).extracting(ObservationView::getContextView).containsExactly(retry);
		assertThat(this.handler.openLinks()).isZero();
	}

	@Test
	void fullHandlerDropsLinksOlderThanTheMaximumAgeBeforeRefusingNewOnes() throws Exception {
		AtomicLong now = new AtomicLong();
		StreamSpanLinkHandler small = new StreamSpanLinkHandler(this.failures, 1, Duration.ofMinutes(10), now::get);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(small).observationHandler(this.parents);
		this.client = new OkHttpClient.Builder()
			.addInterceptor(OkHttpObservationInterceptor.builder(registry, "okhttp.requests").build())
			.build();
		Observation.createNotStarted("gen_ai.client.operation", () -> modelContext("never-stopped"), registry).start();
		now.set(Duration.ofMinutes(1).toNanos());
		Observation.createNotStarted("gen_ai.client.operation", () -> modelContext("refused"), registry).start();
		assertThat(this.failures.count(InstrumentedComponent.STREAM_LINK)).isEqualTo(1);
		now.set(Duration.ofMinutes(11).toNanos());
		ChatModelObservationContext admitted = modelContext("admitted");
		Observation.createNotStarted("gen_ai.client.operation", () -> admitted, registry).start();
		sendFromAnotherThread("admitted");
		assertThat(this.parents.seen).extracting(ObservationView::getContextView).containsExactly(admitted);
		assertThat(small.openLinks()).isEqualTo(1);
	}

	@Test
	void requestWithoutMarkerKeepsItsParentAndHeaders() throws Exception {
		sendFromAnotherThread(null);
		assertThat(this.parents.seen).containsExactly((ObservationView) null);
		assertThat(standIn.server().getRequestHeaders()).hasSize(1);
		StandInCalls.assertLinkHeaderNotReceived(standIn.server());
	}

	@Test
	void failureIsCountedAndNotThrown() {
		ChatModelObservationContext broken = ChatModelObservationContext.builder()
			.prompt(new BrokenPrompt())
			.provider("openai")
			.build();
		start(broken).stop();
		assertThat(this.failures.count(InstrumentedComponent.STREAM_LINK)).isEqualTo(2);
	}

	private void sendFromAnotherThread(@Nullable String marker) throws Exception {
		Request.Builder request = StandInCalls.chatCompletion(standIn.server());
		if (marker != null) {
			request.header(StreamLinkHeader.NAME, marker);
		}
		CompletableFuture.runAsync(() -> {
			try (Response response = this.client.newCall(request.build()).execute()) {
				assertThat(response.code()).isEqualTo(200);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).get();
	}

	private Observation start(ChatModelObservationContext model) {
		return Observation.createNotStarted("gen_ai.client.operation", () -> model, this.registry).start();
	}

	private static ChatModelObservationContext modelContext(String marker) {
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.model("m")
			.customHeaders(Map.of(StreamLinkHeader.NAME, marker))
			.build();
		return ChatModelObservationContext.builder()
			.prompt(new Prompt("Hello", options))
			.provider("openai")
			.streaming(true)
			.build();
	}

	/**
	 * Records the parent each HTTP observation has when it starts, as a tracing handler
	 * would read it.
	 */
	static class ParentRecorder implements ObservationHandler<OkHttpContext> {

		final List<@Nullable ObservationView> seen = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(OkHttpContext context) {
			this.seen.add(context.getParentObservation());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof OkHttpContext;
		}

	}

	static class BrokenPrompt extends Prompt {

		BrokenPrompt() {
			super("Hello");
		}

		@Override
		public OpenAiChatOptions getOptions() {
			throw new IllegalStateException("broken options");
		}

	}

}
