/**
 * The request record, the summary of one inbound request and where its time went (model,
 * tool, retrieval, each stage, other), and {@link dev.llmtracing.request.RequestListener}
 * to receive it. The tracker that builds it is wired by
 * {@code dev.llmtracing.autoconfigure.request}. Extension point:
 * {@link dev.llmtracing.request.RequestListener}.
 */
@NullMarked
package dev.llmtracing.request;

import org.jspecify.annotations.NullMarked;
