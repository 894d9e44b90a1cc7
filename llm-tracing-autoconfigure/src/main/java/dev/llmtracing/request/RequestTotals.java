package dev.llmtracing.request;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Totals over the model calls of a request.
 *
 * @param modelCalls the number of model calls
 * @param inputTokens the input tokens reported, or {@code null} when none was
 * @param outputTokens the output tokens reported, or {@code null} when none was
 * @param cost the cost of the priced calls, or {@code null} when none was priced
 * @param currency the currency of the cost, or {@code null}
 * @author llm-tracing
 * @since 0.1.0
 */
public record RequestTotals(int modelCalls, @Nullable Long inputTokens, @Nullable Long outputTokens,
		@Nullable BigDecimal cost, @Nullable String currency) {

}
