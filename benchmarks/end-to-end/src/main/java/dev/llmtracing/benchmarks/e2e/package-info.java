/**
 * The driver of the end-to-end benchmark: starts the application without and with the
 * starter, loads them with {@code wrk} and reports what the starter costs per request.
 */
@NullMarked
package dev.llmtracing.benchmarks.e2e;

import org.jspecify.annotations.NullMarked;
