package dev.llmtracing.autoconfigure.chat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.autoconfigure.PropertyChecks;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the price table that gives each model call its cost.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.cost")
public class LlmTracingCostProperties implements Validator {

	/**
	 * Currency of the prices that do not name their own, such as USD or EUR.
	 */
	private String currency = "USD";

	/**
	 * Prices per million tokens, by model name or pattern ('*' matches any characters);
	 * the first matching entry applies. Models without a price have no cost and are
	 * counted as unpriced.
	 */
	private List<Price> prices = new ArrayList<>();

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public List<Price> getPrices() {
		return this.prices;
	}

	public void setPrices(List<Price> prices) {
		this.prices = prices;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingCostProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingCostProperties cost = (LlmTracingCostProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.cost");
		checks.notBlank("currency", "currency", cost.getCurrency());
		for (int i = 0; i < cost.getPrices().size(); i++) {
			Price price = cost.getPrices().get(i);
			String field = "prices[" + i + "]";
			if (price.getModel() == null || price.getModel().isBlank()) {
				checks.reject(field + ".model", field + ".model must be set; name a model such as gpt-4o-mini*");
			}
			amount(checks, field + ".input", field + ".input", price.getInput(), true);
			amount(checks, field + ".output", field + ".output", price.getOutput(), true);
			amount(checks, field + ".cachedInput", field + ".cached-input", price.getCachedInput(), false);
		}
	}

	private static void amount(PropertyChecks checks, String field, String property, @Nullable BigDecimal value,
			boolean required) {
		if ((value == null && required) || (value != null && value.signum() < 0)) {
			checks.reject(field, property + " must be set to a price per million tokens of 0 or more, such as 0.15");
		}
	}

	/**
	 * The price of one model, or of the models matching a pattern.
	 */
	public static class Price {

		/**
		 * Model name, or a pattern in which '*' matches any characters, such as
		 * 'gpt-4o-mini*'.
		 */
		private @Nullable String model;

		/**
		 * Price of one million input tokens.
		 */
		private @Nullable BigDecimal input;

		/**
		 * Price of one million output tokens.
		 */
		private @Nullable BigDecimal output;

		/**
		 * Price of one million cached input tokens; when not set they cost as input
		 * tokens.
		 */
		private @Nullable BigDecimal cachedInput;

		/**
		 * Currency of this price; when not set, llm.tracing.cost.currency.
		 */
		private @Nullable String currency;

		public @Nullable String getModel() {
			return this.model;
		}

		public void setModel(@Nullable String model) {
			this.model = model;
		}

		public @Nullable BigDecimal getInput() {
			return this.input;
		}

		public void setInput(@Nullable BigDecimal input) {
			this.input = input;
		}

		public @Nullable BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable BigDecimal output) {
			this.output = output;
		}

		public @Nullable BigDecimal getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
		}

		public @Nullable String getCurrency() {
			return this.currency;
		}

		public void setCurrency(@Nullable String currency) {
			this.currency = currency;
		}

	}

}
