/**
 * Feedback on an exchange or a request: the {@code LlmFeedback} API, the index of recent
 * exchanges it links feedback to, the feedback record and its logger, and the optional
 * HTTP endpoint.
 */
@NullMarked
package dev.llmtracing.feedback;

import org.jspecify.annotations.NullMarked;
