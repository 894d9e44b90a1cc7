/**
 * Auto-configuration of the gRPC server and client interceptors for the IDs.
 */
@NullMarked
package dev.llmtracing.autoconfigure.grpc;

import org.jspecify.annotations.NullMarked;
