/**
 * Auto-configuration of the quality signals named on every exchange and of the canary
 * replays, with the detectors and the canary runner they wire.
 */
@NullMarked
package dev.llmtracing.autoconfigure.quality;

import org.jspecify.annotations.NullMarked;
