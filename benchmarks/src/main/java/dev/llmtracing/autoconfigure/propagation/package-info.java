/**
 * The stream-link benchmark, in the package of the advisor and handler it measures.
 */
@NullMarked
package dev.llmtracing.autoconfigure.propagation;

import org.jspecify.annotations.NullMarked;
