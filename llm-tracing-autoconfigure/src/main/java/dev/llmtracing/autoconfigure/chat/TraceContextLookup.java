package dev.llmtracing.autoconfigure.chat;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Finds the trace and span IDs of a model call's observation.
 *
 * @author llm-tracing
 */
@FunctionalInterface
interface TraceContextLookup {

	/**
	 * A lookup for applications without tracing.
	 */
	TraceContextLookup NONE = (context) -> null;

	/**
	 * Return the trace context of the given observation.
	 * @param context the observation's context
	 * @return the trace context, or {@code null} when the observation has no span
	 */
	@Nullable TraceContext find(Observation.Context context);

	/**
	 * The IDs of a span.
	 *
	 * @param traceId the trace ID
	 * @param spanId the span ID
	 */
	record TraceContext(String traceId, String spanId) {

	}

}
