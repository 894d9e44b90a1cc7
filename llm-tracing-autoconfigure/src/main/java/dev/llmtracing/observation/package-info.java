/**
 * Capture on Spring AI's model observation: the handler that records one exchange per
 * model call, the filter that adds llm-tracing's keys to it, and their key names.
 * Supported API: {@link dev.llmtracing.observation.ModelObservationDocumentation}.
 */
@NullMarked
package dev.llmtracing.observation;

import org.jspecify.annotations.NullMarked;
