package dev.llmtracing.benchmarks.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Experiments}.
 *
 * @author llm-tracing
 */
class ExperimentsTests {

	private static final Scenario CALL = scenario("call");

	private static final Scenario WEBFLUX_CALL = scenario("webflux-call");

	private static final Scenario GRPC_CALL = scenario("grpc-call");

	@Test
	void aServletExperimentIsAddedToServletScenariosOnly() {
		Experiments experiments = new Experiments(Map.of("experiment", "floor:--a=1 --b=2;old@/tmp/old.jar:"));
		assertThat(experiments.addTo(CALL).variants()).containsExactly(Variant.WITHOUT, Variant.WITH,
				new Variant("floor", true, List.of("--a=1", "--b=2"), null),
				new Variant("old", true, List.of(), "/tmp/old.jar"));
		assertThat(experiments.addTo(WEBFLUX_CALL)).isEqualTo(WEBFLUX_CALL);
		assertThat(experiments.addTo(GRPC_CALL)).isEqualTo(GRPC_CALL);
	}

	@Test
	void aWebFluxExperimentRunsAsAWebFluxApplication() {
		Experiments experiments = new Experiments(Map.of("webflux-experiment", "floor-webflux:--a=1"));
		Variant added = experiments.addTo(WEBFLUX_CALL).variants().get(WEBFLUX_CALL.variants().size());
		assertThat(added.name()).isEqualTo("floor-webflux");
		assertThat(added.arguments()).containsAll(Variant.WITH_WEBFLUX.arguments()).endsWith("--a=1");
		assertThat(experiments.addTo(CALL)).isEqualTo(CALL);
	}

	@Test
	void oneNameForTwoKindsFailsAtStartWithTheFix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Experiments(Map.of("experiment", "floor:--a=1", "grpc-experiment", "floor:--a=1")))
			.withMessageContaining("--experiment and --grpc-experiment both name a variant 'floor'")
			.withMessageContaining("floor-grpc");
	}

	@Test
	void everyServletScenarioGetsTheSameVariantSoTheyShareOneJvm() {
		Experiments experiments = new Experiments(Map.of("experiment", "floor:--a=1"));
		Variant inCall = experiments.addTo(CALL).variants().get(CALL.variants().size());
		Scenario stream = scenario("stream");
		Variant inStream = experiments.addTo(stream).variants().get(stream.variants().size());
		assertThat(inStream).isEqualTo(inCall);
	}

	private static Scenario scenario(String name) {
		return Scenario.ALL.stream().filter((scenario) -> scenario.name().equals(name)).findFirst().orElseThrow();
	}

}
