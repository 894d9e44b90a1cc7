package dev.llmtracing.autoconfigure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.cost.ModelPrice;
import dev.llmtracing.cost.PriceTable;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link PriceTable} from {@code llm.tracing.cost.*}, failing with a message
 * that names the entry and the fix.
 *
 * @author llm-tracing
 */
final class PriceTables {

	private PriceTables() {
	}

	static PriceTable from(LlmTracingProperties.Cost cost) {
		List<ModelPrice> prices = new ArrayList<>();
		for (int i = 0; i < cost.getPrices().size(); i++) {
			LlmTracingProperties.Price price = cost.getPrices().get(i);
			String property = "llm.tracing.cost.prices[" + i + "]";
			if (price.getModel() == null || price.getModel().isBlank()) {
				throw new IllegalStateException(property + ".model must be set; name a model such as gpt-4o-mini*");
			}
			String currency = (price.getCurrency() != null) ? price.getCurrency() : cost.getCurrency();
			prices.add(new ModelPrice(price.getModel(), amount(property + ".input", price.getInput()),
					amount(property + ".output", price.getOutput()), (price.getCachedInput() != null)
							? amount(property + ".cached-input", price.getCachedInput()) : null,
					currency));
		}
		return new PriceTable(prices);
	}

	private static BigDecimal amount(String property, @Nullable BigDecimal value) {
		if (value == null || value.signum() < 0) {
			throw new IllegalStateException(
					property + " must be set to a price per million tokens of 0 or more, such as 0.15");
		}
		return value;
	}

}
