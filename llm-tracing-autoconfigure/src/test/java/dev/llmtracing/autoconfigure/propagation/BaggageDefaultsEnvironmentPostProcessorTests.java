package dev.llmtracing.autoconfigure.propagation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BaggageDefaultsEnvironmentPostProcessor}.
 *
 * @author llm-tracing
 */
class BaggageDefaultsEnvironmentPostProcessorTests {

	private static final String REMOTE_FIELDS = BaggageDefaultsEnvironmentPostProcessor.REMOTE_FIELDS;

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void shouldListTheIdsAsRemoteFieldsByDefault() {
		postProcess();
		assertThat(this.environment.getProperty(REMOTE_FIELDS)).isEqualTo("requestId,contextId,userId");
	}

	@Test
	void shouldFollowCustomMdcKeys() {
		add(Map.of("llm.tracing.ids.request-id-mdc-key", "rid", "llm.tracing.ids.user-id-mdc-key", "uid"));
		postProcess();
		assertThat(this.environment.getProperty(REMOTE_FIELDS)).isEqualTo("rid,contextId,uid");
	}

	@Test
	void shouldLeaveTheApplicationsOwnListAlone() {
		add(Map.of(REMOTE_FIELDS + "[0]", "tenant"));
		postProcess();
		assertThat(this.environment.getProperty(REMOTE_FIELDS)).isNull();
		assertThat(this.environment.getProperty(REMOTE_FIELDS + "[0]")).isEqualTo("tenant");
	}

	@Test
	void shouldLeaveAListSetThroughTheEnvironmentAlone() {
		this.environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
					Map.of("MANAGEMENT_TRACING_BAGGAGE_REMOTEFIELDS", "tenant")));
		postProcess();
		assertThat(this.environment.getPropertySources().contains("llmTracingBaggageDefaults")).isFalse();
	}

	@Test
	void shouldDoNothingWhenBaggageIsSwitchedOff() {
		add(Map.of("llm.tracing.propagation.baggage", "false"));
		postProcess();
		assertThat(this.environment.getProperty(REMOTE_FIELDS)).isNull();
	}

	private void add(Map<String, Object> properties) {
		this.environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
	}

	private void postProcess() {
		new BaggageDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

}
