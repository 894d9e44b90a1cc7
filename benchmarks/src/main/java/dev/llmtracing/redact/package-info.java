/**
 * The baseline of the masking benchmarks, in the package of the detectors it reuses.
 */
@NullMarked
package dev.llmtracing.redact;

import org.jspecify.annotations.NullMarked;
