/**
 * The key names llm-tracing puts on Spring AI's model observation,
 * {@link dev.llmtracing.observation.ModelObservationDocumentation} (supported API),
 * shared by the exchange records, the meters and the span enricher. The handler and the
 * enricher on that observation are wired by {@code dev.llmtracing.autoconfigure.chat}.
 */
@NullMarked
package dev.llmtracing.observation;

import org.jspecify.annotations.NullMarked;
