/**
 * Auto-configuration of the capture of chat model calls and their cost, with what it
 * wires beside it: the handler on Spring AI's model observation that records one exchange
 * per model call, the observation filter that adds llm-tracing's keys (and, when asked,
 * the content) to the model span, and the outermost {@code ChatClient} advisor that
 * carries the caller's IDs, the advisor parameters and the first-chunk timer to that
 * handler; and the content capture, whose chain of redactors fails closed.
 */
@NullMarked
package dev.llmtracing.autoconfigure.chat;

import org.jspecify.annotations.NullMarked;
