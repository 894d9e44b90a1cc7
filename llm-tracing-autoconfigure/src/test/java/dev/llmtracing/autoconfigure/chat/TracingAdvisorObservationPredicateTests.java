package dev.llmtracing.autoconfigure.chat;

import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracingAdvisorObservationPredicate}.
 *
 * @author llm-tracing
 */
class TracingAdvisorObservationPredicateTests {

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final TracingAdvisorObservationPredicate predicate = new TracingAdvisorObservationPredicate(
			() -> this.registry);

	private final ChatClientRequest request = new ChatClientRequest(new Prompt("Hello"), Map.of());

	TracingAdvisorObservationPredicateTests() {
		this.registry.observationConfig().observationHandler((context) -> true);
	}

	@Test
	void turnsOffTheTracingAdvisorObservationOfACall() {
		assertThat(testInsideChatClient(false, TracingAdvisor.NAME)).isFalse();
	}

	@Test
	void keepsTheTracingAdvisorObservationOfAStream() {
		assertThat(testInsideChatClient(true, TracingAdvisor.NAME)).isTrue();
	}

	@Test
	void keepsTheObservationsOfOtherAdvisors() {
		assertThat(testInsideChatClient(false, "Tool Calling Advisor")).isTrue();
	}

	@Test
	void keepsTheTracingAdvisorObservationOutsideAChatClientCall() {
		assertThat(this.predicate.test("spring.ai.advisor", advisor(TracingAdvisor.NAME))).isTrue();
	}

	@Test
	void keepsOtherObservations() {
		assertThat(this.predicate.test("http.server.requests", new Observation.Context())).isTrue();
	}

	@Test
	void aChatClientCallRegistersNoTracingAdvisorObservationThroughTheRegistry() {
		this.registry.observationConfig().observationPredicate(this.predicate);
		Observation client = Observation.start("spring.ai.chat.client", this::clientCall, this.registry);
		try (Observation.Scope scope = client.openScope()) {
			Observation advisor = Observation.createNotStarted("spring.ai.advisor", () -> advisor(TracingAdvisor.NAME),
					this.registry);
			assertThat(advisor.isNoop()).isTrue();
		}
		client.stop();
	}

	private boolean testInsideChatClient(boolean stream, String advisorName) {
		Observation client = Observation.start("spring.ai.chat.client",
				() -> ChatClientObservationContext.builder().request(this.request).stream(stream).build(),
				this.registry);
		try (Observation.Scope scope = client.openScope()) {
			return this.predicate.test("spring.ai.advisor", advisor(advisorName));
		}
		finally {
			client.stop();
		}
	}

	private ChatClientObservationContext clientCall() {
		return ChatClientObservationContext.builder().request(this.request).stream(false).build();
	}

	private AdvisorObservationContext advisor(String name) {
		return AdvisorObservationContext.builder().advisorName(name).chatClientRequest(this.request).order(0).build();
	}

}
