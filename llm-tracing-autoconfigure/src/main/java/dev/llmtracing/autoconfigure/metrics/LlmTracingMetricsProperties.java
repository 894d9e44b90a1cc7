package dev.llmtracing.autoconfigure.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of llm-tracing's meters.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.metrics")
public class LlmTracingMetricsProperties implements Validator {

	/**
	 * Whether to register llm-tracing's meters and histogram buckets.
	 */
	private boolean enabled = true;

	/**
	 * Histogram bucket boundaries (SLO boundaries) of the gen_ai.client.operation timer;
	 * the default is the OpenTelemetry GenAI semantic conventions' list.
	 */
	private List<Duration> latencyBuckets = new ArrayList<>(SemconvBuckets.OPERATION);

	/**
	 * Histogram bucket boundaries of the time to first chunk of streams; the default is
	 * the OpenTelemetry GenAI semantic conventions' list.
	 */
	private List<Duration> timeToFirstChunkBuckets = new ArrayList<>(SemconvBuckets.TIME_TO_FIRST_CHUNK);

	/**
	 * Maximum number of distinct prompt names, and of distinct prompt versions, used as
	 * metric tags; further values are counted as 'other'.
	 */
	private int promptTagLimit = 20;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<Duration> getLatencyBuckets() {
		return this.latencyBuckets;
	}

	public void setLatencyBuckets(List<Duration> latencyBuckets) {
		this.latencyBuckets = latencyBuckets;
	}

	public List<Duration> getTimeToFirstChunkBuckets() {
		return this.timeToFirstChunkBuckets;
	}

	public void setTimeToFirstChunkBuckets(List<Duration> timeToFirstChunkBuckets) {
		this.timeToFirstChunkBuckets = timeToFirstChunkBuckets;
	}

	public int getPromptTagLimit() {
		return this.promptTagLimit;
	}

	public void setPromptTagLimit(int promptTagLimit) {
		this.promptTagLimit = promptTagLimit;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingMetricsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingMetricsProperties metrics = (LlmTracingMetricsProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.metrics");
		checks.buckets("latencyBuckets", "latency-buckets", metrics.getLatencyBuckets());
		checks.buckets("timeToFirstChunkBuckets", "time-to-first-chunk-buckets", metrics.getTimeToFirstChunkBuckets());
		checks.range("promptTagLimit", "prompt-tag-limit", metrics.getPromptTagLimit(), 1, 1000);
	}

}
