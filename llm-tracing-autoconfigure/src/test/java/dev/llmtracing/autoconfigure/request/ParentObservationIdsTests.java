package dev.llmtracing.autoconfigure.request;

import java.util.Map;

import dev.llmtracing.advisor.LlmTracingParams;
import dev.llmtracing.context.TracingIds;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ParentObservationIds}.
 *
 * @author llm-tracing
 */
class ParentObservationIdsTests {

	private static final TracingIds IDS = new TracingIds("req-1", "ctx-1", "user-1");

	private final ObservationRegistry registry = ObservationRegistry.create();

	ParentObservationIdsTests() {
		this.registry.observationConfig().observationHandler((context) -> true);
	}

	@Test
	void findsTheIdsOfTheChatClientRequestOfAnAdvisorAbove() {
		Observation advisor = Observation.start("spring.ai.advisor", () -> advisor(Map.of(LlmTracingParams.IDS, IDS)),
				this.registry);
		Observation between = child("between", advisor);
		assertThat(ParentObservationIds.find(child("tool", between).getContext())).isEqualTo(IDS);
	}

	@Test
	void findsTheIdsPutOnTheContextOfAnObservationAbove() {
		Observation model = Observation.start("model", this.registry);
		model.getContext().put(TracingIds.class, IDS);
		assertThat(ParentObservationIds.find(child("tool", model).getContext())).isEqualTo(IDS);
	}

	@Test
	void findsTheNearestIds() {
		Observation advisor = Observation.start("spring.ai.advisor",
				() -> advisor(Map.of(LlmTracingParams.IDS, new TracingIds("req-outer", null, null))), this.registry);
		Observation model = child("model", advisor);
		model.getContext().put(TracingIds.class, IDS);
		assertThat(ParentObservationIds.find(child("tool", model).getContext())).isEqualTo(IDS);
	}

	@Test
	void findsNothingAboveAnAdvisorWithoutIds() {
		Observation advisor = Observation.start("spring.ai.advisor", () -> advisor(Map.of("other", "value")),
				this.registry);
		assertThat(ParentObservationIds.find(child("tool", advisor).getContext())).isNull();
	}

	@Test
	void findsNothingWithoutAParent() {
		assertThat(ParentObservationIds.find(Observation.start("tool", this.registry).getContext())).isNull();
	}

	@Test
	void looksAtMostThirtyTwoObservationsUp() {
		Observation top = Observation.start("top", this.registry);
		top.getContext().put(TracingIds.class, IDS);
		Observation near = top;
		for (int i = 0; i < 31; i++) {
			near = child("level-" + i, near);
		}
		assertThat(ParentObservationIds.find(child("tool", near).getContext())).as("32 up").isEqualTo(IDS);
		assertThat(ParentObservationIds.find(child("tool", child("deeper", near)).getContext())).as("33 up").isNull();
	}

	private Observation child(String name, Observation parent) {
		return Observation.createNotStarted(name, this.registry).parentObservation(parent).start();
	}

	private static AdvisorObservationContext advisor(Map<String, Object> params) {
		return AdvisorObservationContext.builder()
			.advisorName("Tool Calling Advisor")
			.chatClientRequest(new ChatClientRequest(new Prompt("Hello"), params))
			.order(0)
			.build();
	}

}
