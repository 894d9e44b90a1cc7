package dev.llmtracing.autoconfigure.request;

import java.util.concurrent.TimeUnit;

import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.stage.LlmStage;
import dev.llmtracing.stage.LlmStageAspect;
import dev.llmtracing.stage.LlmStages;
import dev.llmtracing.stage.StageNames;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

/**
 * What a stage costs the caller, per call: a bean method called directly
 * ({@code direct}), the same method through the Spring AOP proxy of the {@code @LlmStage}
 * aspect ({@code annotated}), and {@code LlmStages.call} ({@code programmatic}). The
 * registry has what the starter gives a typical application: Micrometer's meter handler
 * (a timer and a long task timer per stage) and the handler that adds stages to the
 * running request, here with no request running. It lives in the package of the
 * (package-private) request tracker and handler it builds.
 *
 * @author llm-tracing
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StageBenchmark {

	/**
	 * Which handlers the registry has: {@code meters} (Micrometer's meter handler and the
	 * request handler, as in an application) or {@code request} (the request handler
	 * only, to show what the meters cost).
	 */
	@Param({ "meters", "request" })
	public String handlers;

	private PromptBuilder target;

	private PromptBuilder proxy;

	private LlmStages stages;

	private ExchangeDispatcher dispatcher;

	@Setup(Level.Trial)
	public void setUp() {
		InstrumentationFailures failures = new InstrumentationFailures();
		IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(128), IdRejectionListener.NONE);
		this.dispatcher = new ExchangeDispatcher(java.util.List.of(), 100, java.time.Duration.ofSeconds(1), failures);
		RequestTracker tracker = new RequestTracker(() -> this.dispatcher, java.util.List.of(), true, 100, failures);
		ObservationRegistry registry = ObservationRegistry.create();
		if ("meters".equals(this.handlers)) {
			registry.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		}
		registry.observationConfig().observationHandler(new RequestPartObservationHandler(tracker, idScopes));
		this.stages = new LlmStages(registry, new StageNames(50), null);
		this.target = new PromptBuilder();
		AspectJProxyFactory factory = new AspectJProxyFactory(this.target);
		factory.setProxyTargetClass(true);
		factory.addAspect(new LlmStageAspect(this.stages));
		this.proxy = factory.getProxy();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.dispatcher.close();
	}

	@Benchmark
	public String direct() {
		return this.target.build("question");
	}

	@Benchmark
	public String annotated() {
		return this.proxy.build("question");
	}

	@Benchmark
	public String programmatic() {
		return this.stages.call("prompt-build", () -> this.target.build("question"));
	}

	/**
	 * A bean with one stage.
	 */
	public static class PromptBuilder {

		@LlmStage("prompt-build")
		public String build(String question) {
			return "Answer briefly: " + question;
		}

	}

}
