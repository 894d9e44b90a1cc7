/**
 * Stages: the {@link dev.llmtracing.stage.LlmStage @LlmStage} annotation, its aspect and
 * the programmatic {@link dev.llmtracing.stage.LlmStages} form, each stage an observation
 * that parents the model calls made inside it.
 */
@NullMarked
package dev.llmtracing.stage;

import org.jspecify.annotations.NullMarked;
