package dev.llmtracing.autoconfigure.reactive;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactiveContextPropagationEnvironmentPostProcessor}.
 *
 * @author llm-tracing
 */
class ReactiveContextPropagationEnvironmentPostProcessorTests {

	private final ReactiveContextPropagationEnvironmentPostProcessor processor = new ReactiveContextPropagationEnvironmentPostProcessor();

	@Test
	void shouldSwitchOnAutomaticPropagationInReactiveApplication() {
		assertThat(process(WebApplicationType.REACTIVE, new MockEnvironment())).isEqualTo("auto");
	}

	@Test
	void shouldSeeTheWebApplicationTypeProperty() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.main.web-application-type",
				"reactive");
		assertThat(process(WebApplicationType.SERVLET, environment)).isEqualTo("auto");
	}

	@Test
	void shouldLeaveServletApplicationsAlone() {
		assertThat(process(WebApplicationType.SERVLET, new MockEnvironment())).isNull();
		assertThat(process(WebApplicationType.NONE, new MockEnvironment())).isNull();
	}

	@Test
	void shouldKeepTheApplicationsOwnSetting() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.reactor.context-propagation",
				"limited");
		assertThat(process(WebApplicationType.REACTIVE, environment)).isEqualTo("limited");
	}

	@Test
	void shouldDoNothingWhenSwitchedOff() {
		for (String off : new String[] { "llm.tracing.enabled", "llm.tracing.web.enabled",
				"llm.tracing.propagation.threads" }) {
			MockEnvironment environment = new MockEnvironment().withProperty(off, "false");
			assertThat(process(WebApplicationType.REACTIVE, environment)).as(off).isNull();
		}
	}

	private String process(WebApplicationType type, MockEnvironment environment) {
		SpringApplication application = new SpringApplication();
		application.setWebApplicationType(type);
		this.processor.postProcessEnvironment(environment, application);
		return environment.getProperty("spring.reactor.context-propagation");
	}

}
