package dev.llmtracing.stage;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LlmStages} and the {@link StageObserver} behind it and the aspect.
 *
 * @author llm-tracing
 */
class LlmStagesTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final LlmStages stages = new LlmStages(this.registry, new StageNames(2), null);

	@Test
	void shouldObserveAStageWithItsNameAndOutcome() {
		String result = this.stages.call("prompt-build", () -> "prompt");
		org.assertj.core.api.Assertions.assertThat(result).isEqualTo("prompt");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("llm.stage.duration")
			.hasContextualNameEqualTo("stage prompt-build")
			.hasLowCardinalityKeyValue("stage", "prompt-build")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasBeenStopped();
	}

	@Test
	void shouldRecordAndRethrowTheExceptionUnchanged() {
		IllegalStateException failure = new IllegalStateException("boom");
		assertThatIllegalStateException().isThrownBy(() -> this.stages.run("rerank", () -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasError(failure)
			.hasBeenStopped();
	}

	@Test
	void shouldNestStages() {
		this.stages.run("outer", () -> this.stages.run("inner", () -> {
		}));
		assertThat(this.registry).hasNumberOfObservationsEqualTo(2)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("stage inner")
				.hasParentObservationContextMatching((parent) -> "stage outer"
					.equals(((io.micrometer.observation.Observation.Context) parent).getContextualName())));
	}

	@Test
	void shouldTimeACompletableFutureUntilItCompletes() {
		CompletableFuture<String> future = new CompletableFuture<>();
		CompletableFuture<String> returned = this.stages.call("async", () -> future);
		org.assertj.core.api.Assertions.assertThat(returned).isSameAs(future);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStarted().isNotStopped();
		future.completeExceptionally(new IllegalStateException("late"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasBeenStopped();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldTimeAMonoFromSubscriptionUntilItTerminates() throws Throwable {
		Mono<String> mono = (Mono<String>) this.stages.observe("retrieval", Mono.class,
				() -> Mono.just("doc").delayElement(Duration.ofMillis(50)));
		assertThat(this.registry).doesNotHaveAnyObservation();
		org.assertj.core.api.Assertions.assertThat(mono.block()).isEqualTo("doc");
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("stage", "retrieval")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasBeenStopped();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldMarkACancelledFlux() throws Throwable {
		Flux<Long> flux = (Flux<Long>) this.stages.observe("stream", Flux.class,
				() -> Flux.interval(Duration.ofMillis(10)));
		org.assertj.core.api.Assertions.assertThat(flux.take(2).collectList().block()).hasSize(2);
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "cancelled")
			.hasBeenStopped();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldParentModelCallsInsideAReactiveStage() throws Throwable {
		Mono<String> mono = (Mono<String>) this.stages.observe("outer", Mono.class,
				() -> Mono.deferContextual((view) -> {
					Observation parent = view
						.get(io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor.KEY);
					return Mono.just(((StageContext) parent.getContext()).getStageName());
				}));
		org.assertj.core.api.Assertions.assertThat(mono.block()).isEqualTo("outer");
	}

	@Test
	void shouldFoldNamesBeyondTheLimitIntoOther() {
		StageNames names = new StageNames(2);
		LlmStages bounded = new LlmStages(this.registry, names, null);
		bounded.run("a", () -> {
		});
		bounded.run("b", () -> {
		});
		bounded.run("c", () -> {
		});
		assertThat(this.registry).hasAnObservationWithAKeyValue("stage", "other");
		org.assertj.core.api.Assertions.assertThat(names.getFoldedCount()).isEqualTo(1);
	}

	@Test
	void shouldRejectAnInvalidName() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.stages.run("Prompt Build", () -> {
		})).withMessageContaining("'Prompt Build'");
		org.assertj.core.api.Assertions.assertThat(StageNames.isValid("a".repeat(65))).isFalse();
		org.assertj.core.api.Assertions.assertThat(StageNames.isValid("prompt-build.v2_x")).isTrue();
	}

	@Test
	void shouldRunUnobservedWhenSwitchedOff() {
		org.assertj.core.api.Assertions.assertThat(LlmStages.unobserved().call("any", () -> 42)).isEqualTo(42);
	}

}
