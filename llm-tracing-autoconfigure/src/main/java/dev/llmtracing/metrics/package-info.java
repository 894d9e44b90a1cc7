/**
 * Micrometer meters: semantic-convention histograms for Spring AI's own meters, and the
 * meters it lacks (time to first chunk, cost, outcomes, the instrumentation's health).
 */
@NullMarked
package dev.llmtracing.metrics;

import org.jspecify.annotations.NullMarked;
