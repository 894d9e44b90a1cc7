package dev.llmtracing.autoconfigure.metrics;

import dev.llmtracing.metrics.MetricNames;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The health of llm-tracing itself: records dropped because the queue was full, records
 * waiting to be written, and failures inside the instrumentation by component.
 *
 * @author llm-tracing
 */
final class TracingHealthMeterBinder implements MeterBinder {

	private final ExchangeDispatcher dispatcher;

	private final InstrumentationFailures failures;

	/**
	 * Create a binder.
	 * @param dispatcher the record dispatcher
	 * @param failures the count of instrumentation failures
	 */
	TracingHealthMeterBinder(ExchangeDispatcher dispatcher, InstrumentationFailures failures) {
		this.dispatcher = dispatcher;
		this.failures = failures;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(MetricNames.RECORDS_DROPPED, this.dispatcher, ExchangeDispatcher::getDroppedCount)
			.description("Records (exchange and request records, feedback) dropped because the write queue was full")
			.register(registry);
		Gauge.builder(MetricNames.RECORDS_QUEUED, this.dispatcher, ExchangeDispatcher::getQueueSize)
			.description("Records (exchange and request records, feedback) waiting to be written")
			.register(registry);
		for (InstrumentedComponent component : InstrumentedComponent.values()) {
			FunctionCounter
				.builder(MetricNames.INSTRUMENTATION_FAILURES, this.failures, (failures) -> failures.count(component))
				.description("Failures inside llm-tracing, caught before they reached the application")
				.tag("component", component.tagValue())
				.register(registry);
		}
	}

}
