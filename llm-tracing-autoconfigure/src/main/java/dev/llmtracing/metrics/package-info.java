/**
 * The names of llm-tracing's meters. The meters themselves are registered by
 * {@code dev.llmtracing.autoconfigure.metrics}.
 */
@NullMarked
package dev.llmtracing.metrics;

import org.jspecify.annotations.NullMarked;
