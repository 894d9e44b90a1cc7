/**
 * Auto-configuration of the WebFlux filter that reads the ID headers.
 */
@NullMarked
package dev.llmtracing.autoconfigure.reactive;

import org.jspecify.annotations.NullMarked;
