/**
 * Propagation of the IDs to other services: plain ID headers and W3C baggage on outgoing
 * HTTP calls, limited to trusted hosts.
 */
@NullMarked
package dev.llmtracing.propagation;

import org.jspecify.annotations.NullMarked;
