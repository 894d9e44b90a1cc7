package dev.llmtracing.benchmarks.e2e;

import java.util.List;

/**
 * One build and configuration of the application under load.
 *
 * @param name the name in the report
 * @param withStarter whether the application is the build with llm-tracing-starter
 * @param arguments the application arguments of this variant
 * @author llm-tracing
 */
record Variant(String name, boolean withStarter, List<String> arguments) {

	static final Variant WITHOUT = new Variant("without", false, List.of());

	static final Variant WITH = new Variant("with", true, List.of());

	static final Variant WITH_DIGEST = new Variant("with-digest", true, List.of("--llm.tracing.content.mode=digest"));

	static final Variant WITH_FULL = new Variant("with-full", true, List.of("--llm.tracing.content.mode=full"));

}
