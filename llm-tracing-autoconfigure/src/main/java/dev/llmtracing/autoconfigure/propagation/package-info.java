/**
 * Auto-configuration of the propagation of the IDs to other threads, services and spans.
 */
@NullMarked
package dev.llmtracing.autoconfigure.propagation;

import org.jspecify.annotations.NullMarked;
