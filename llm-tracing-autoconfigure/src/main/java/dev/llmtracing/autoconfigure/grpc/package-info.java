/**
 * Auto-configuration of the gRPC interceptors for the IDs, and the interceptors
 * themselves: a server interceptor that reads, validates and echoes the ID metadata of
 * inbound calls and holds the ID scope for the whole call, and a client interceptor that
 * sends the current IDs to allowed targets.
 */
@NullMarked
package dev.llmtracing.autoconfigure.grpc;

import org.jspecify.annotations.NullMarked;
