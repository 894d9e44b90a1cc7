/**
 * Auto-configuration of replay of recorded exchanges.
 */
@NullMarked
package dev.llmtracing.autoconfigure.replay;

import org.jspecify.annotations.NullMarked;
