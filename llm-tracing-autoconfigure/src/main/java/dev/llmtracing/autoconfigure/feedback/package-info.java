/**
 * Auto-configuration of feedback: the {@code LlmFeedback} API, the index of recent
 * exchanges, the feedback record, meters and evaluation spans, the {@code X-Exchange-Id}
 * echo and the optional endpoint.
 */
@NullMarked
package dev.llmtracing.autoconfigure.feedback;

import org.jspecify.annotations.NullMarked;
