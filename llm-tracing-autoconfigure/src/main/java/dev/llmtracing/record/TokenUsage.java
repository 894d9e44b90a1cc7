package dev.llmtracing.record;

import org.jspecify.annotations.Nullable;

/**
 * The tokens an exchange used, as the provider reported them. A count the provider did
 * not report is {@code null}, never a made-up zero.
 *
 * @param inputTokens the number of input (prompt) tokens used
 * @param outputTokens the number of output (completion) tokens used
 * @author llm-tracing
 * @since 0.1.0
 */
public record TokenUsage(@Nullable Integer inputTokens, @Nullable Integer outputTokens) {

	/**
	 * No usage reported.
	 */
	public static final TokenUsage UNKNOWN = new TokenUsage(null, null);

	/**
	 * Return whether the provider reported any count.
	 * @return {@code true} if the input or the output count is known
	 */
	public boolean isKnown() {
		return this.inputTokens != null || this.outputTokens != null;
	}

}
