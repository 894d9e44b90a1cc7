/**
 * Auto-configuration of the WebFlux filter that reads, validates and echoes the ID
 * headers of inbound requests and carries the IDs in the Reactor context, and the filter
 * itself.
 */
@NullMarked
package dev.llmtracing.autoconfigure.reactive;

import org.jspecify.annotations.NullMarked;
