package dev.llmtracing.autoconfigure.chat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import dev.llmtracing.cost.Cost;
import org.jspecify.annotations.Nullable;

/**
 * Turns the token usage of a model call into a {@link Cost}, using the first
 * {@link ModelPrice} whose pattern matches the model. A model with no price, or a call
 * without usage, has no cost: nothing is guessed.
 *
 * @author llm-tracing
 */
final class PriceTable {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final List<ModelPrice> prices;

	/**
	 * Create a price table.
	 * @param prices the prices, tried in order
	 */
	PriceTable(List<ModelPrice> prices) {
		this.prices = List.copyOf(prices);
	}

	/**
	 * Return the price that applies to a model.
	 * @param model the model name
	 * @return the price, or {@code null} if the model has none
	 */
	public @Nullable ModelPrice priceOf(@Nullable String model) {
		if (model == null) {
			return null;
		}
		for (ModelPrice price : this.prices) {
			if (price.matches(model)) {
				return price;
			}
		}
		return null;
	}

	/**
	 * Return the cost of a call.
	 * @param responseModel the model that answered, tried first
	 * @param requestModel the model that was asked for
	 * @param inputTokens the input tokens, including cached ones
	 * @param cachedInputTokens the cached input tokens, or {@code null}
	 * @param outputTokens the output tokens
	 * @return the cost, or {@code null} if the model has no price or usage is unknown
	 */
	public @Nullable Cost cost(@Nullable String responseModel, @Nullable String requestModel,
			@Nullable Integer inputTokens, @Nullable Long cachedInputTokens, @Nullable Integer outputTokens) {
		if (inputTokens == null && outputTokens == null) {
			return null;
		}
		ModelPrice price = priceOf(responseModel);
		if (price == null) {
			price = priceOf(requestModel);
		}
		if (price == null) {
			return null;
		}
		long input = (inputTokens != null) ? inputTokens : 0;
		long cached = (cachedInputTokens != null && price.cachedInput() != null) ? Math.min(cachedInputTokens, input)
				: 0;
		BigDecimal amount = price.input().multiply(BigDecimal.valueOf(input - cached));
		if (cached > 0) {
			amount = amount.add(price.cachedInput().multiply(BigDecimal.valueOf(cached)));
		}
		if (outputTokens != null) {
			amount = amount.add(price.output().multiply(BigDecimal.valueOf(outputTokens)));
		}
		return new Cost(amount.divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros(), price.currency());
	}

}
