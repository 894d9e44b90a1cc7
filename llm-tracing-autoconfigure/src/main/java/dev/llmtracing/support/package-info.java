/**
 * Small helpers shared by the instrumentation, such as the count of its own failures.
 */
@NullMarked
package dev.llmtracing.support;

import org.jspecify.annotations.NullMarked;
