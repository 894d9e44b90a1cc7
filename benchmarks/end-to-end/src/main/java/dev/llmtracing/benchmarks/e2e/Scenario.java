package dev.llmtracing.benchmarks.e2e;

import java.util.List;

/**
 * One endpoint under load and the variants it is measured on; the first variant is the
 * baseline the others are compared with.
 *
 * @param name the name in the report
 * @param path the request path, or for the gRPC run {@code grpc:} and the method's path
 * @param variants the variants, baseline first
 * @author llm-tracing
 */
record Scenario(String name, String path, List<Variant> variants) {

	static final List<Scenario> ALL = List.of(
			new Scenario("call", "/ask?q=hello", List.of(Variant.WITHOUT, Variant.WITH)),
			new Scenario("stream", "/ask-stream?q=hello", List.of(Variant.WITHOUT, Variant.WITH)),
			new Scenario("tool", "/ask-tool?q=weather", List.of(Variant.WITHOUT, Variant.WITH)),
			new Scenario("stages", "/ask-stages?q=hello", List.of(Variant.WITHOUT, Variant.WITH)),
			new Scenario("content-4kb", "/ask-support",
					List.of(Variant.WITHOUT, Variant.WITH, Variant.WITH_DIGEST, Variant.WITH_FULL)),
			new Scenario("webflux-call", "/reactive/ask?q=hello",
					List.of(Variant.WITHOUT_WEBFLUX, Variant.WITH_WEBFLUX)),
			new Scenario("webflux-stream", "/reactive/ask-stream?q=hello",
					List.of(Variant.WITHOUT_WEBFLUX, Variant.WITH_WEBFLUX)),
			new Scenario("grpc-call", H2Load.PREFIX + "/llmtracing.bench.AskService/Ask",
					List.of(Variant.WITHOUT_GRPC, Variant.WITH_GRPC)));

}
