package dev.llmtracing.autoconfigure.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link PriceTable} from {@code llm.tracing.cost.*}, which
 * {@link LlmTracingCostProperties} has validated.
 *
 * @author llm-tracing
 */
final class PriceTables {

	private PriceTables() {
	}

	static PriceTable from(LlmTracingCostProperties cost) {
		List<ModelPrice> prices = new ArrayList<>();
		for (LlmTracingCostProperties.Price price : cost.getPrices()) {
			String currency = (price.getCurrency() != null) ? price.getCurrency() : cost.getCurrency();
			prices.add(new ModelPrice(price.getModel(), price.getInput(), price.getOutput(), price.getCachedInput(),
					currency));
		}
		return new PriceTable(prices);
	}

}
