package dev.llmtracing.benchmarks.e2e;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One build and configuration of the application under load.
 *
 * @param name the name in the report
 * @param withStarter whether the application is the build with llm-tracing-starter
 * @param arguments the application arguments of this variant
 * @param jar the application jar of this variant, or {@code null} for the build the
 * driver was given
 * @author llm-tracing
 */
record Variant(String name, boolean withStarter, List<String> arguments, @Nullable String jar) {

	private static final String REACTIVE = "--spring.main.web-application-type=reactive";

	static final Variant WITHOUT = new Variant("without", false, List.of(), null);

	static final Variant WITH = new Variant("with", true, List.of(), null);

	static final Variant WITH_DIGEST = new Variant("with-digest", true, List.of("--llm.tracing.content.mode=digest"),
			null);

	static final Variant WITH_FULL = new Variant("with-full", true, List.of("--llm.tracing.content.mode=full"), null);

	/**
	 * The same application run as a WebFlux application on Netty.
	 */
	static final Variant WITHOUT_WEBFLUX = new Variant("without-webflux", false, List.of(REACTIVE), null);

	/**
	 * The build with the starter run as a WebFlux application on Netty.
	 */
	static final Variant WITH_WEBFLUX = new Variant("with-webflux", true, List.of(REACTIVE), null);

	/**
	 * The application loaded on its gRPC service, in a JVM of its own.
	 */
	static final Variant WITHOUT_GRPC = new Variant("without-grpc", false, List.of(), null);

	/**
	 * The build with the starter loaded on its gRPC service, in a JVM of its own.
	 */
	static final Variant WITH_GRPC = new Variant("with-grpc", true, List.of(), null);

	/**
	 * Whether this variant must write exchange records: a build with the starter, unless
	 * its arguments switch the record lines off
	 * ({@code --llm.tracing.record.enabled=false}) or its jar is the build without the
	 * starter ({@code name@target/app-without.jar:}, which runs that build in a second
	 * JVM, to see how far apart two JVMs of one build are).
	 * @return whether a run in which this variant wrote no exchange record has failed
	 */
	boolean writesRecords() {
		return this.withStarter && (this.jar == null || !this.jar.endsWith("app-without.jar"))
				&& !this.arguments.contains("--llm.tracing.record.enabled=false");
	}

}
