package dev.llmtracing.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;

import dev.llmtracing.metrics.MetricNames;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Gives Spring AI's {@value MetricNames#OPERATION} timer histogram buckets, by default
 * those of the OpenTelemetry GenAI semantic conventions, so that percentiles per model
 * can be computed in Prometheus with {@code histogram_quantile}; the stage and request
 * timers ({@value MetricNames#STAGE_DURATION}, {@value MetricNames#REQUEST_DURATION},
 * {@value MetricNames#REQUEST_PART_DURATION}) get the same buckets, so that they compare
 * bucket by bucket with model calls. Adds a description where Spring AI gives none (so
 * that Prometheus shows help text).
 *
 * @author llm-tracing
 */
final class LatencyHistogramMeterFilter implements MeterFilter {

	private final double[] bucketNanos;

	/**
	 * Create a filter.
	 * @param buckets the bucket boundaries
	 */
	LatencyHistogramMeterFilter(List<Duration> buckets) {
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
		if (id.getType() == Meter.Type.TIMER && isLatency(id.getName())) {
			return DistributionStatisticConfig.builder().serviceLevelObjectives(this.bucketNanos).build().merge(config);
		}
		return config;
	}

	private static boolean isLatency(String name) {
		return MetricNames.OPERATION.equals(name) || MetricNames.STAGE_DURATION.equals(name)
				|| MetricNames.REQUEST_DURATION.equals(name) || MetricNames.REQUEST_PART_DURATION.equals(name);
	}

}
