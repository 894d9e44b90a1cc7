package dev.llmtracing.autoconfigure.chat;

import java.math.BigDecimal;
import java.util.List;

import dev.llmtracing.cost.Cost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PriceTable}.
 *
 * @author llm-tracing
 */
class PriceTableTests {

	private final PriceTable table = new PriceTable(List.of(
			new ModelPrice("gpt-4o-mini*", new BigDecimal("0.15"), new BigDecimal("0.60"), new BigDecimal("0.075"),
					"USD"),
			new ModelPrice("gpt-4o*", new BigDecimal("2.50"), new BigDecimal("10.00"), null, "USD"),
			new ModelPrice("claude-*-sonnet-*", new BigDecimal("3"), new BigDecimal("15"), null, "EUR")));

	@Test
	void shouldPriceByFirstMatchingPattern() {
		Cost cost = this.table.cost("gpt-4o-mini-2024-07-18", "gpt-4o-mini", 1_000_000, null, 1_000_000);
		assertThat(cost).isEqualTo(new Cost(new BigDecimal("0.75"), "USD"));
		assertThat(this.table.cost("gpt-4o-2024-08-06", null, 2_000, null, 1_000).amount())
			.isEqualByComparingTo("0.015");
	}

	@Test
	void shouldMatchWildcardsInTheMiddle() {
		assertThat(this.table.cost("claude-3-5-sonnet-latest", null, 1_000_000, null, 0))
			.isEqualTo(new Cost(new BigDecimal("3"), "EUR"));
		assertThat(this.table.priceOf("claude-3-haiku")).isNull();
	}

	@Test
	void shouldChargeCachedInputAtItsOwnPrice() {
		Cost cost = this.table.cost("gpt-4o-mini", null, 1_000_000, 400_000L, 0);
		assertThat(cost.amount()).isEqualByComparingTo("0.12");
	}

	@Test
	void shouldChargeCachedInputAsInputWhenItHasNoPrice() {
		Cost cost = this.table.cost("gpt-4o", null, 1_000_000, 400_000L, 0);
		assertThat(cost.amount()).isEqualByComparingTo("2.5");
	}

	@Test
	void shouldFallBackToRequestModel() {
		assertThat(this.table.cost("some-deployment-name", "gpt-4o-mini", 1_000_000, null, 0).amount())
			.isEqualByComparingTo("0.15");
	}

	@Test
	void shouldNotGuessUnknownModelsOrMissingUsage() {
		assertThat(this.table.cost("llama3.2", "llama3.2", 100, null, 100)).isNull();
		assertThat(this.table.cost("gpt-4o-mini", null, null, null, null)).isNull();
		assertThat(this.table.cost(null, null, 10, null, 10)).isNull();
	}

	@Test
	void shouldMatchExactNamesOnlyWithoutWildcard() {
		PriceTable exact = new PriceTable(
				List.of(new ModelPrice("gpt-4o", BigDecimal.ONE, BigDecimal.ONE, null, "USD")));
		assertThat(exact.priceOf("gpt-4o")).isNotNull();
		assertThat(exact.priceOf("gpt-4o-mini")).isNull();
		assertThat(exact.priceOf("gpt-4")).isNull();
	}

}
