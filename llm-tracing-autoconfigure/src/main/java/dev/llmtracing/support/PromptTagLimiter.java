package dev.llmtracing.support;

import org.jspecify.annotations.Nullable;

/**
 * Bounds the prompt names and versions used as metric tags, so that the application's
 * values cannot grow the number of time series without bound (see {@link BoundedValues}).
 *
 * @author llm-tracing
 */
public final class PromptTagLimiter {

	private final BoundedValues names;

	private final BoundedValues versions;

	/**
	 * Create an instance.
	 * @param limit the maximum number of distinct names, and of distinct versions, kept
	 */
	public PromptTagLimiter(int limit) {
		this.names = new BoundedValues(limit);
		this.versions = new BoundedValues(limit);
	}

	/**
	 * Return the tag value of a prompt name.
	 * @param name the prompt name, possibly {@code null}
	 * @return the bounded value
	 */
	public String name(@Nullable String name) {
		return this.names.bound(name);
	}

	/**
	 * Return the tag value of a prompt version.
	 * @param version the prompt version, possibly {@code null}
	 * @return the bounded value
	 */
	public String version(@Nullable String version) {
		return this.versions.bound(version);
	}

}
