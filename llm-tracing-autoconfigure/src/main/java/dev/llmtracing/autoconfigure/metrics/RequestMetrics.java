package dev.llmtracing.autoconfigure.metrics;

import java.time.Duration;
import java.util.Map;

import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records each finished request on {@value MetricNames#REQUEST_DURATION} (tags
 * {@code route} and {@code outcome}) and each part of its breakdown on
 * {@value MetricNames#REQUEST_PART_DURATION} (tags {@code route} and {@code part}), so
 * that where the time of a route goes is a PromQL query. Routes are templates, never raw
 * URIs; stage names are bounded where stages are observed. A signal seen only at the
 * request's level ({@code output_parse_error}) counts on
 * {@value MetricNames#QUALITY_SIGNAL} with the tags of the request's last model call.
 *
 * @author llm-tracing
 */
final class RequestMetrics implements RequestListener {

	private static final String NONE = "none";

	private final MeterRegistry registry;

	private final PromptTagLimiter promptTags;

	/**
	 * Create an instance.
	 * @param registry the registry to record on
	 * @param promptTags bounds the prompt name and version tags of request-level signals
	 */
	RequestMetrics(MeterRegistry registry, PromptTagLimiter promptTags) {
		this.registry = registry;
		this.promptTags = promptTags;
	}

	@Override
	public void onRequest(RequestRecord record) {
		String route = (record.route() != null) ? record.route()
				: (record.rpcMethod() != null) ? record.rpcMethod() : NONE;
		Timer.builder(MetricNames.REQUEST_DURATION)
			.description("Duration of inbound requests that made model calls")
			.tag("route", route)
			.tag("outcome", record.outcome().value())
			.register(this.registry)
			.record(Duration.ofMillis(record.durationMillis()));
		for (Map.Entry<String, Long> part : record.breakdown().entrySet()) {
			Timer.builder(MetricNames.REQUEST_PART_DURATION)
				.description("Time of inbound requests spent in each part: model, tool, retrieval, a stage or other")
				.tag("route", route)
				.tag("part", part.getKey())
				.register(this.registry)
				.record(Duration.ofMillis(part.getValue()));
		}
		if (record.lastModelCall() != null) {
			for (String signal : record.signals()) {
				ExchangeMetrics.countSignal(this.registry,
						ExchangeMetrics.tags(record.lastModelCall(), this.promptTags), signal);
			}
		}
	}

}
