/**
 * Auto-configuration of stages: the {@code @LlmStage} aspect, the start-up check of stage
 * names, and {@code LlmStages}.
 */
@NullMarked
package dev.llmtracing.autoconfigure.stage;

import org.jspecify.annotations.NullMarked;
