package dev.llmtracing.autoconfigure.quality;

import dev.llmtracing.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the record of each canary run on the logger {@value #LOGGER_NAME} and counts it
 * in {@value MetricNames#QUALITY_CANARY} by canary name and result.
 *
 * @author llm-tracing
 */
final class CanaryRecorder {

	static final String LOGGER_NAME = "llm.tracing.canary";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private final @Nullable MeterRegistry registry;

	CanaryRecorder(@Nullable MeterRegistry registry) {
		this.registry = registry;
	}

	void record(CanaryRun run) {
		if (this.registry != null) {
			Counter.builder(MetricNames.QUALITY_CANARY)
				.description("Canary runs by canary name and result: pass, fail or error")
				.tag("name", run.name())
				.tag("result", run.result().value())
				.register(this.registry)
				.increment();
		}
		LoggingEventBuilder event = (run.result() == CanaryRun.Result.PASS) ? logger.atInfo() : logger.atWarn();
		event = event.addKeyValue("llm.canary.name", run.name())
			.addKeyValue("llm.canary.result", run.result().value())
			.addKeyValue("durationMs", run.durationMillis());
		if (run.exchangeId() != null) {
			event = event.addKeyValue("exchangeId", run.exchangeId());
		}
		if (!run.failures().isEmpty()) {
			event = event.addKeyValue("llm.canary.failures", run.failures());
		}
		event.log("canary {} {} in {} ms", run.name(), run.result().value(), run.durationMillis());
	}

}
