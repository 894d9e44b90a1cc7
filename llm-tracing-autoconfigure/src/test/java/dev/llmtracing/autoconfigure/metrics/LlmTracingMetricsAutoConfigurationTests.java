package dev.llmtracing.autoconfigure.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.context.IdKind;
import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingMetricsAutoConfiguration}, ordered against Spring Boot's
 * real metrics auto-configuration.
 *
 * @author llm-tracing
 */
class LlmTracingMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(LlmTracingMetricsAutoConfiguration.class, LlmTracingAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void shouldProvideMetersWithBootsMeterRegistry() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LatencyHistogramMeterFilter.class)
				.hasSingleBean(ExchangeMetrics.class)
				.hasSingleBean(IdRejectionCounter.class)
				.hasSingleBean(TracingHealthMeterBinder.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(MetricNames.RECORDS_DROPPED).functionCounter()).isNotNull();
			assertThat(
					registry.find(MetricNames.INSTRUMENTATION_FAILURES).tag("component", "capture").functionCounter())
				.isNotNull();
		});
	}

	@Test
	void shouldCountRejectedIdsThroughIdScopes() {
		this.runner.run((context) -> {
			assertThat(context.getBean(IdRejectionListener.class)).isInstanceOf(IdRejectionCounter.class);
			context.getBean(IdScopes.class).validate("bad id", "bad ctx", null, "header");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(MetricNames.IDS_REJECTED)
				.tag("kind", "request")
				.tag("source", "header")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get(MetricNames.IDS_REJECTED).tag("kind", "context").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void shouldTellTheApplicationsRejectionListenersToo() {
		List<IdKind> rejected = new CopyOnWriteArrayList<>();
		this.runner.withBean(IdRejectionListener.class, () -> (kind, source) -> rejected.add(kind)).run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(IdScopes.class).validate("bad id", null, null, "header");
			assertThat(rejected).containsExactly(IdKind.REQUEST);
			assertThat(context.getBean(MeterRegistry.class).get(MetricNames.IDS_REJECTED).counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void shouldBackOffWithoutMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LlmTracingMetricsAutoConfiguration.class, LlmTracingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ExchangeMetrics.class));
	}

	@Test
	void shouldWorkWithoutMicrometerCore() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LlmTracingMetricsAutoConfiguration.class, LlmTracingAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(IdScopes.class)
				.doesNotHaveBean(ExchangeMetrics.class));
	}

	@Test
	void shouldSwitchOffMetricsAlone() {
		this.runner.withPropertyValues("llm.tracing.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ExchangeMetrics.class)
				.doesNotHaveBean(LatencyHistogramMeterFilter.class)
				.hasSingleBean(IdScopes.class));
	}

	@Test
	void shouldRejectEmptyBuckets() {
		this.runner.withPropertyValues("llm.tracing.metrics.latency-buckets=")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.metrics.latency-buckets must not be empty"));
	}

}
