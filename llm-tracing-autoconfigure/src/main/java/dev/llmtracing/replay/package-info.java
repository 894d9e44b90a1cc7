/**
 * Replay of recorded exchanges against a chat model, to reproduce them or to compare
 * another model or prompt version with them.
 */
@NullMarked
package dev.llmtracing.replay;

import org.jspecify.annotations.NullMarked;
