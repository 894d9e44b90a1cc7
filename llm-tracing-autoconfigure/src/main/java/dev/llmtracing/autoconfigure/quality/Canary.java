package dev.llmtracing.autoconfigure.quality;

import org.jspecify.annotations.Nullable;

/**
 * A golden prompt, asked on a schedule, whose answer must meet its expectations.
 *
 * @param name the name of the canary, the {@code name} tag of {@code llm.quality.canary}
 * @param system the system prompt, or {@code null}
 * @param prompt the user prompt
 * @param model the model to ask, or {@code null} for the configured one
 * @param temperature the temperature, or {@code null} for the configured one
 * @param expectations what the answer must be
 * @author llm-tracing
 */
record Canary(String name, @Nullable String system, String prompt, @Nullable String model, @Nullable Double temperature,
		CanaryExpectations expectations) {

}
