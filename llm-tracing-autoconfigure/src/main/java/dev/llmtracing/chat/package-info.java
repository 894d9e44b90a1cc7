/**
 * Capture of Spring AI model calls: one exchange per call, from the model observation and
 * the ChatClient advisor.
 */
@NullMarked
package dev.llmtracing.chat;

import org.jspecify.annotations.NullMarked;
