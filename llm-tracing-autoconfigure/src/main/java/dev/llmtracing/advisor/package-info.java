/**
 * The advisor parameters an application sets to describe a {@code ChatClient} call,
 * {@link dev.llmtracing.advisor.LlmTracingParams} (supported API). The advisor that reads
 * them and carries the caller's IDs onto each model call is wired by
 * {@code dev.llmtracing.autoconfigure.chat}.
 */
@NullMarked
package dev.llmtracing.advisor;

import org.jspecify.annotations.NullMarked;
