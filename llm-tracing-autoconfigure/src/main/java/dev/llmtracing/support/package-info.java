/**
 * Small helpers shared by the instrumentation, such as the count of its own failures.
 * Supported API: {@link dev.llmtracing.support.InstrumentationFailures}; the other public
 * types are internal.
 */
@NullMarked
package dev.llmtracing.support;

import org.jspecify.annotations.NullMarked;
