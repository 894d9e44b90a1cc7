/**
 * The IDs that tie model calls to a request, a conversation and a user, and the scope
 * that holds them in the MDC. Supported API: {@link dev.llmtracing.context.IdScopes} to
 * open an ID scope outside HTTP, the extension point
 * {@link dev.llmtracing.context.IdRejectionListener}, and the values
 * {@link dev.llmtracing.context.TracingIds}, {@link dev.llmtracing.context.MdcKeys} and
 * {@link dev.llmtracing.context.IdKind}; the other public types are internal (see
 * {@code docs/extending.md}).
 */
@NullMarked
package dev.llmtracing.context;

import org.jspecify.annotations.NullMarked;
