/**
 * Auto-configuration of the propagation of the IDs to other threads, services and spans,
 * with what it wires beside it: the ID headers on outgoing HTTP calls (limited to trusted
 * hosts), the IDs as W3C baggage through Micrometer Tracing, and the stream link that
 * keeps the HTTP call of a streaming request through Spring AI's OpenAI client in the
 * caller's trace (the OpenAI SDK sends streaming requests from a common-pool task where
 * no observation is current; a one-time marker header travels with the request from the
 * {@code ChatClient} to the HTTP client, names the model observation to parent the HTTP
 * span on, and is removed before the request leaves the application).
 */
@NullMarked
package dev.llmtracing.autoconfigure.propagation;

import org.jspecify.annotations.NullMarked;
