/**
 * Micrometer Tracing integration: the IDs as W3C baggage.
 */
@NullMarked
package dev.llmtracing.tracing;

import org.jspecify.annotations.NullMarked;
