/**
 * Auto-configuration of the quality signals named on every exchange.
 */
@NullMarked
package dev.llmtracing.autoconfigure.quality;

import org.jspecify.annotations.NullMarked;
