package dev.llmtracing.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extra variants of the build with the starter that a run was given:
 * {@code --experiment=name:--a=1 --b=2;name2@other.jar:...}, each the build with the
 * starter (or the jar after {@code @}, such as a build of an earlier commit) run with
 * these arguments, added to the servlet scenarios; those of
 * {@code --webflux-experiment=...}, the same run as WebFlux applications, added to the
 * WebFlux scenarios; and those of {@code --grpc-experiment=...} added to the gRPC
 * scenario. Each kind runs in JVMs of its own, so a name may be given to one kind only.
 *
 * @author llm-tracing
 */
final class Experiments {

	private static final List<String> OPTIONS = List.of("experiment", "webflux-experiment", "grpc-experiment");

	private final Map<String, String> options;

	/**
	 * Read the experiments of a run.
	 * @param options the run's options
	 * @throws IllegalArgumentException if two kinds of experiment use the same name,
	 * which would run them in one JVM (warmed up for one kind only) and report them as
	 * one
	 */
	Experiments(Map<String, String> options) {
		this.options = options;
		Map<String, String> kindByName = new HashMap<>();
		for (String option : OPTIONS) {
			for (String experiment : experiments(option)) {
				String name = nameAndJar(experiment)[0];
				String other = kindByName.putIfAbsent(name, option);
				if (other != null && !other.equals(option)) {
					throw new IllegalArgumentException("--" + other + " and --" + option + " both name a variant '"
							+ name
							+ "': each kind runs in JVMs of its own, so give them names of their own, for example "
							+ name + "-" + option.replace("-experiment", "").replace("experiment", "servlet"));
				}
			}
		}
	}

	/**
	 * Return the scenario with the experiments of its kind added to its variants.
	 * @param scenario a scenario of the run
	 * @return the scenario, with its experiments
	 */
	Scenario addTo(Scenario scenario) {
		boolean webflux = scenario.variants().get(0).equals(Variant.WITHOUT_WEBFLUX);
		boolean grpc = H2Load.isGrpc(scenario.path());
		List<String> experiments = experiments(
				webflux ? "webflux-experiment" : grpc ? "grpc-experiment" : "experiment");
		if (experiments.isEmpty()) {
			return scenario;
		}
		List<Variant> variants = new ArrayList<>(scenario.variants());
		for (String experiment : experiments) {
			String[] parts = experiment.split(":", 2);
			String[] nameAndJar = nameAndJar(experiment);
			List<String> arguments = new ArrayList<>(webflux ? Variant.WITH_WEBFLUX.arguments() : List.of());
			if (parts.length > 1 && !parts[1].isBlank()) {
				arguments.addAll(Arrays.asList(parts[1].trim().split("\\s+")));
			}
			variants.add(new Variant(nameAndJar[0], true, arguments, (nameAndJar.length > 1) ? nameAndJar[1] : null));
		}
		return new Scenario(scenario.name(), scenario.path(), variants);
	}

	private List<String> experiments(String option) {
		String value = this.options.getOrDefault(option, "");
		return value.isBlank() ? List.of() : Arrays.asList(value.split(";"));
	}

	private static String[] nameAndJar(String experiment) {
		return experiment.split(":", 2)[0].split("@", 2);
	}

}
