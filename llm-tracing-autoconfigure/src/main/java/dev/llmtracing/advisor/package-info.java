/**
 * The {@code ChatClient} advisor that carries the caller's IDs onto each model call, and
 * the advisor parameters an application sets to describe a call. Supported API:
 * {@link dev.llmtracing.advisor.LlmTracingParams}.
 */
@NullMarked
package dev.llmtracing.advisor;

import org.jspecify.annotations.NullMarked;
