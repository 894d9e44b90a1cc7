package dev.llmtracing.metrics;

import dev.llmtracing.context.IdKind;
import dev.llmtracing.context.IdRejectionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the IDs rejected as invalid, by kind ({@code request}, {@code context},
 * {@code user}) and source ({@code header}, {@code api}).
 *
 * @author llm-tracing
 */
public class IdRejectionCounter implements IdRejectionListener {

	private final MeterRegistry registry;

	/**
	 * Create a counter.
	 * @param registry the registry to register it in
	 */
	public IdRejectionCounter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onRejected(IdKind kind, String source) {
		Counter.builder(MetricNames.IDS_REJECTED)
			.description("IDs rejected as invalid; the values themselves are never recorded")
			.tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
			.tag("source", source)
			.register(this.registry)
			.increment();
	}

}
