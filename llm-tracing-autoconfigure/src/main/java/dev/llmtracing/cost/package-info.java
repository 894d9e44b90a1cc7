/**
 * The price table that turns token usage into a cost.
 */
@NullMarked
package dev.llmtracing.cost;

import org.jspecify.annotations.NullMarked;
