package dev.llmtracing.autoconfigure.stage;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.LlmTracingDisabledAutoConfiguration;
import dev.llmtracing.stage.LlmStage;
import dev.llmtracing.stage.LlmStageAspect;
import dev.llmtracing.stage.LlmStages;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.aspectj.weaver.Advice;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingStageAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingStageAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmTracingStageAutoConfiguration.class,
				LlmTracingAutoConfiguration.class, LlmTracingDisabledAutoConfiguration.class))
		.withBean(ObservationRegistry.class, TestObservationRegistry::create)
		.withBean(PromptBuilder.class);

	@Test
	void shouldObserveAnnotatedMethods() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LlmStageAspect.class).hasSingleBean(LlmStages.class);
			PromptBuilder builder = context.getBean(PromptBuilder.class);
			assertThat(AopUtils.isAopProxy(builder)).isTrue();
			assertThat(builder.build("x")).isEqualTo("prompt x");
			TestObservationRegistry registry = (TestObservationRegistry) context.getBean(ObservationRegistry.class);
			assertThat(registry).hasSingleObservationThat()
				.hasLowCardinalityKeyValue("stage", "prompt-build")
				.hasLowCardinalityKeyValue("outcome", "success");
		});
	}

	@Test
	void shouldNotApplyTheAspectWhenStagesAreSwitchedOff() {
		this.runner.withPropertyValues("llm.tracing.stages.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LlmStageAspect.class).hasSingleBean(LlmStages.class);
			PromptBuilder builder = context.getBean(PromptBuilder.class);
			assertThat(AopUtils.isAopProxy(builder)).isFalse();
			assertThat(builder.build("x")).isEqualTo("prompt x");
			context.getBean(LlmStages.class).run("still-runs", () -> {
			});
			assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
				.doesNotHaveAnyObservation();
		});
	}

	@Test
	void shouldKeepLlmStagesWhenLlmTracingIsSwitchedOff() {
		this.runner.withPropertyValues("llm.tracing.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(LlmStageAspect.class).hasSingleBean(LlmStages.class);
			assertThat(context.getBean(LlmStages.class).call("any", () -> 1)).isEqualTo(1);
		});
	}

	@Test
	void shouldNotApplyTheAspectWithoutAspectJ() {
		this.runner.withClassLoader(new FilteredClassLoader(Advice.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(LlmStageAspect.class).hasSingleBean(LlmStages.class);
		});
	}

	@Test
	void shouldFailStartUpNamingAMethodWithAnInvalidStageName() {
		this.runner.withBean(BadStage.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("@LlmStage(\"Prompt Build\")")
				.hasMessageContaining(BadStage.class.getName() + ".build");
		});
	}

	@Test
	void shouldRejectAnInvalidNameLimit() {
		this.runner.withPropertyValues("llm.tracing.stages.name-limit=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("llm.tracing.stages.name-limit must be between 1 and 1000"));
	}

	static class PromptBuilder {

		@LlmStage("prompt-build")
		String build(String input) {
			return "prompt " + input;
		}

	}

	static class BadStage {

		@LlmStage("Prompt Build")
		String build() {
			return "";
		}

	}

}
