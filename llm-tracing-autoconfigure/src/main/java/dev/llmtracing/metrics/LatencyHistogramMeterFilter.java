package dev.llmtracing.metrics;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Gives Spring AI's {@value MetricNames#OPERATION} timer histogram buckets, by default
 * those of the OpenTelemetry GenAI semantic conventions, so that percentiles per model
 * can be computed in Prometheus with {@code histogram_quantile}, and a description where
 * Spring AI gives none (so that Prometheus shows help text).
 *
 * @author llm-tracing
 */
public class LatencyHistogramMeterFilter implements MeterFilter {

	/**
	 * The bucket boundaries of {@code gen_ai.client.operation.duration} in the GenAI
	 * semantic conventions.
	 */
	public static final List<Duration> SEMCONV_BUCKETS = seconds(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
			5.12, 10.24, 20.48, 40.96, 81.92);

	private final double[] bucketNanos;

	/**
	 * Create a filter.
	 * @param buckets the bucket boundaries
	 */
	public LatencyHistogramMeterFilter(List<Duration> buckets) {
		this.bucketNanos = buckets.stream().mapToDouble(Duration::toNanos).sorted().distinct().toArray();
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		if (id.getDescription() == null && id.getName().startsWith(MetricNames.OPERATION)) {
			String description = MetricNames.OPERATION.equals(id.getName()) ? "Duration of chat model calls"
					: "Chat model calls in progress";
			return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description,
					id.getType());
		}
		return id;
	}

	@Override
	public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (id.getType() == Meter.Type.TIMER && MetricNames.OPERATION.equals(id.getName())) {
			return DistributionStatisticConfig.builder().serviceLevelObjectives(this.bucketNanos).build().merge(config);
		}
		return config;
	}

	static List<Duration> seconds(double... values) {
		return java.util.Arrays.stream(values).mapToObj((value) -> Duration.ofNanos(Math.round(value * 1e9))).toList();
	}

}
