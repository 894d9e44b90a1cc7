/**
 * Auto-configuration of feedback: the {@code LlmFeedback} API, the rules it checks, the
 * index of recent exchanges, the feedback record's fields and logger, meters and
 * evaluation spans, the {@code X-Exchange-Id} echo and the optional endpoint.
 */
@NullMarked
package dev.llmtracing.autoconfigure.feedback;

import org.jspecify.annotations.NullMarked;
