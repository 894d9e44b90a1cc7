package dev.llmtracing.sample.prometheus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the shipped Prometheus configuration and alert rules with {@code promtool}, and
 * runs the alert rules' unit tests.
 *
 * @author llm-tracing
 */
class AlertRulesIT {

	@Test
	void alertRulesAreValid() throws Exception {
		Promtool.Result result = Promtool.run(null, "check", "rules", "observability/alert-rules.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void alertRulesPassTheirUnitTests() throws Exception {
		Promtool.Result result = Promtool.run(null, "test", "rules", "observability/alert-rules-test.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void prometheusConfigurationIsValid() throws Exception {
		Promtool.Result result = Promtool.run(null, "check", "config", "observability/prometheus.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
