package dev.llmtracing.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the values of one metric tag bounded: the first {@code limit} distinct values are
 * kept as they are, any further value is folded into {@value #OTHER}, and a missing value
 * becomes {@value #NONE}. This keeps application-supplied values such as prompt versions
 * from growing the number of time series without bound.
 *
 * @author llm-tracing
 */
public final class BoundedValues {

	/**
	 * The value used once the limit is reached.
	 */
	public static final String OTHER = "other";

	/**
	 * The value used when there is none.
	 */
	public static final String NONE = "none";

	private final int limit;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	/**
	 * Create an instance.
	 * @param limit the maximum number of distinct values kept
	 */
	public BoundedValues(int limit) {
		this.limit = limit;
	}

	/**
	 * Return the value to use as a tag.
	 * @param value the value, possibly {@code null}
	 * @return the value itself, {@value #NONE} or {@value #OTHER}
	 */
	public String bound(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return NONE;
		}
		if (this.seen.contains(value)) {
			return value;
		}
		synchronized (this.seen) {
			if (this.seen.size() < this.limit) {
				this.seen.add(value);
				return value;
			}
		}
		return OTHER;
	}

}
