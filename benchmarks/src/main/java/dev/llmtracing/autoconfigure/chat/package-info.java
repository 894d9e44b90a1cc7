/**
 * The capture overhead benchmark, in the package of the handler and filter it measures.
 */
@NullMarked
package dev.llmtracing.autoconfigure.chat;

import org.jspecify.annotations.NullMarked;
