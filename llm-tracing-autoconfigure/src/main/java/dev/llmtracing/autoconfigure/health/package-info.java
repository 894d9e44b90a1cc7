/**
 * Auto-configuration of the {@code llmTracing} health contributor.
 */
@NullMarked
package dev.llmtracing.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
