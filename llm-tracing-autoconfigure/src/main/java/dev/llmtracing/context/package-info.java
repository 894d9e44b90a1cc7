/**
 * The IDs that tie model calls to a request, a conversation and a user, and the scope
 * that holds them in the MDC.
 */
@NullMarked
package dev.llmtracing.context;

import org.jspecify.annotations.NullMarked;
