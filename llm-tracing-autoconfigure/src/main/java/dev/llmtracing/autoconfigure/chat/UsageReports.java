package dev.llmtracing.autoconfigure.chat;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;

/**
 * Tells whether a provider reported token usage. Spring AI hands over a usage object even
 * when the provider sent none: an {@link EmptyUsage} for a call, and for a stream a usage
 * of zeros (Spring AI 2.0.1's OpenAI client even gives each chunk a provider usage object
 * of zeros). So a call's usage counts as reported when it is the provider's own object, a
 * stream's only when it has a positive count: no real prompt is zero tokens, and a stream
 * cannot tell a reported zero from none.
 *
 * @author llm-tracing
 */
final class UsageReports {

	private UsageReports() {
	}

	static boolean isReported(@Nullable Usage usage, boolean streaming) {
		if (usage == null || usage instanceof EmptyUsage) {
			return false;
		}
		if (isPositive(usage.getPromptTokens()) || isPositive(usage.getCompletionTokens())) {
			return true;
		}
		return !streaming && isProviders(usage.getNativeUsage());
	}

	/**
	 * Tell the provider's usage object from what Spring AI makes up: an
	 * {@link EmptyUsage} gives a {@link Map}, and a usage summed over a tool-calling loop
	 * wraps the latest {@link Usage}.
	 */
	private static boolean isProviders(@Nullable Object nativeUsage) {
		if (nativeUsage instanceof Usage usage) {
			return isReported(usage, false);
		}
		return nativeUsage != null && !(nativeUsage instanceof Map);
	}

	private static boolean isPositive(@Nullable Integer count) {
		return count != null && count > 0;
	}

}
