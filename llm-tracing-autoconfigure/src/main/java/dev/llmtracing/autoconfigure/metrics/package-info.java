/**
 * Auto-configuration of llm-tracing's meters.
 */
@NullMarked
package dev.llmtracing.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
