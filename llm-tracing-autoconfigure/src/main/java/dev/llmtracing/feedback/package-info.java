/**
 * Feedback on an exchange or a request: the {@code LlmFeedback} API, the feedback record
 * and its listeners. The index of recent exchanges, the rules, the record logger and the
 * optional HTTP endpoint are wired by {@code dev.llmtracing.autoconfigure.feedback}.
 */
@NullMarked
package dev.llmtracing.feedback;

import org.jspecify.annotations.NullMarked;
