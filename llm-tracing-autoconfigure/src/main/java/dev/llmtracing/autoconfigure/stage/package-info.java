/**
 * Auto-configuration of stages: the {@code @LlmStage} aspect and {@code LlmStages}.
 */
@NullMarked
package dev.llmtracing.autoconfigure.stage;

import org.jspecify.annotations.NullMarked;
