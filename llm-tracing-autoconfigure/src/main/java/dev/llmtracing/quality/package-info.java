/**
 * The names of the quality signals computed on every exchange without another model call
 * ({@link dev.llmtracing.quality.QualitySignal}); the detectors and the canaries are
 * wired by {@code dev.llmtracing.autoconfigure.quality}.
 */
@NullMarked
package dev.llmtracing.quality;

import org.jspecify.annotations.NullMarked;
