/**
 * The cost of a model call, {@link dev.llmtracing.cost.Cost} (supported API). The price
 * table that turns token usage into a cost is wired by
 * {@code dev.llmtracing.autoconfigure.chat}.
 */
@NullMarked
package dev.llmtracing.cost;

import org.jspecify.annotations.NullMarked;
