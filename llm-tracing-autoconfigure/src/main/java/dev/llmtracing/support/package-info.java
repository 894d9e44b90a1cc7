/**
 * Small helpers shared by the instrumentation, such as the count of its own failures,
 * bounded tag values and bounded maps. Supported API:
 * {@link dev.llmtracing.support.InstrumentationFailures}; the other public types are
 * internal.
 */
@NullMarked
package dev.llmtracing.support;

import org.jspecify.annotations.NullMarked;
