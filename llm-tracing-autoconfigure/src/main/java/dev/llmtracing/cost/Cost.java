package dev.llmtracing.cost;

import java.math.BigDecimal;

/**
 * The cost of one model call.
 *
 * @param amount the amount, in {@code currency}
 * @param currency the currency
 * @author llm-tracing
 * @since 0.1.0
 */
public record Cost(BigDecimal amount, String currency) {

}
