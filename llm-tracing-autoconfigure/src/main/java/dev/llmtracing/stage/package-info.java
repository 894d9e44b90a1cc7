/**
 * Stages: the {@link dev.llmtracing.stage.LlmStage @LlmStage} annotation and the
 * programmatic {@link dev.llmtracing.stage.LlmStages} form, each stage an observation
 * that parents the model calls made inside it, with its documentation and convention.
 * Extension point: {@link dev.llmtracing.stage.StageObservationConvention}.
 */
@NullMarked
package dev.llmtracing.stage;

import org.jspecify.annotations.NullMarked;
