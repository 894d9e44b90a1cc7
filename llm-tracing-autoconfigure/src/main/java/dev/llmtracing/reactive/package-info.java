/**
 * Reactive web integration: reads, validates and echoes the ID headers of inbound WebFlux
 * requests and carries the IDs in the Reactor context.
 */
@NullMarked
package dev.llmtracing.reactive;

import org.jspecify.annotations.NullMarked;
