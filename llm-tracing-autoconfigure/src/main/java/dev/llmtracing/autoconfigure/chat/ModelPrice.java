package dev.llmtracing.autoconfigure.chat;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import org.springframework.util.PatternMatchUtils;

/**
 * The price of one model, or of the models whose names match a pattern, per million
 * tokens.
 *
 * @param model the model name, or a pattern in which {@code *} matches any characters
 * @param input the price of one million input tokens
 * @param output the price of one million output tokens
 * @param cachedInput the price of one million cached input tokens, or {@code null} to
 * charge them as input tokens
 * @param currency the currency of the prices, such as {@code USD}
 * @author llm-tracing
 */
record ModelPrice(String model, BigDecimal input, BigDecimal output, @Nullable BigDecimal cachedInput,
		String currency) {

	/**
	 * Return whether this price applies to the given model name.
	 * @param name the model name
	 * @return {@code true} if the name matches the model or its pattern
	 */
	public boolean matches(String name) {
		return PatternMatchUtils.simpleMatch(this.model, name);
	}

}
