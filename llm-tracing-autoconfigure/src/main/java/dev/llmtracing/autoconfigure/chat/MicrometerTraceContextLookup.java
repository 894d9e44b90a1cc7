package dev.llmtracing.autoconfigure.chat;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Reads the span that Micrometer Tracing's observation handler keeps in the observation
 * context, so the record carries the IDs of the model call's own span on whatever thread
 * the call ends.
 *
 * @author llm-tracing
 */
final class MicrometerTraceContextLookup implements TraceContextLookup {

	@Override
	public @Nullable TraceContext find(Observation.Context context) {
		TracingObservationHandler.TracingContext tracingContext = context
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracingContext != null) ? tracingContext.getSpan() : null;
		if (span == null || span.isNoop()) {
			return null;
		}
		return new TraceContext(span.context().traceId(), span.context().spanId());
	}

}
