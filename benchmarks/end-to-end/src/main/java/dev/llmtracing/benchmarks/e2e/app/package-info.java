/**
 * The application under load in the end-to-end benchmark.
 */
@NullMarked
package dev.llmtracing.benchmarks.e2e.app;

import org.jspecify.annotations.NullMarked;
