package dev.llmtracing.autoconfigure.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.llmtracing.context.IdKind;
import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the IDs rejected as invalid, by kind ({@code request}, {@code context},
 * {@code user}) and source ({@code header}, {@code metadata}, {@code baggage},
 * {@code api}).
 *
 * @author llm-tracing
 */
final class IdRejectionCounter implements IdRejectionListener {

	private final MeterRegistry registry;

	private final Map<IdKind, String> kindTags = new EnumMap<>(IdKind.class);

	/**
	 * Create a counter.
	 * @param registry the registry to register it in
	 */
	IdRejectionCounter(MeterRegistry registry) {
		this.registry = registry;
		for (IdKind kind : IdKind.values()) {
			this.kindTags.put(kind, kind.name().toLowerCase(Locale.ROOT));
		}
	}

	@Override
	public void onRejected(IdKind kind, String source) {
		Counter.builder(MetricNames.IDS_REJECTED)
			.description("IDs rejected as invalid; the values themselves are never recorded")
			.tag("kind", this.kindTags.get(kind))
			.tag("source", source)
			.register(this.registry)
			.increment();
	}

}
