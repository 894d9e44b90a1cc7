package dev.llmtracing.stage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Checks stage names and keeps the number of distinct names used as metric tags bounded:
 * the first {@code limit} names are kept, any further one becomes {@value #OTHER} and is
 * counted.
 *
 * @author llm-tracing
 */
public final class StageNames {

	/**
	 * The name used once the limit is reached.
	 */
	public static final String OTHER = "other";

	/**
	 * The longest allowed name.
	 */
	public static final int MAX_LENGTH = 64;

	private final int limit;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final LongAdder folded = new LongAdder();

	/**
	 * Create an instance.
	 * @param limit the maximum number of distinct names kept
	 */
	public StageNames(int limit) {
		this.limit = limit;
	}

	/**
	 * Return whether a name matches {@code [a-z0-9._-]{1,64}}.
	 * @param name the name
	 * @return whether it is valid
	 */
	public static boolean isValid(@Nullable String name) {
		if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char ch = name.charAt(i);
			if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Check a name.
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException if the name is invalid
	 */
	public static String check(@Nullable String name) {
		if (!isValid(name)) {
			throw new IllegalArgumentException("Stage name '" + name + "' is invalid; use 1 to " + MAX_LENGTH
					+ " characters of a-z, 0-9, '.', '_' and '-', for example prompt-build");
		}
		return name;
	}

	/**
	 * Return the name to use as a tag: the name itself or {@value #OTHER}.
	 * @param name a valid name
	 * @return the tag value
	 */
	public String bound(String name) {
		if (this.seen.contains(name)) {
			return name;
		}
		synchronized (this.seen) {
			if (this.seen.size() < this.limit) {
				this.seen.add(name);
				return name;
			}
		}
		this.folded.increment();
		return OTHER;
	}

	/**
	 * Return how many stage calls were tagged {@value #OTHER} because the limit was
	 * reached.
	 * @return the number of folded calls
	 */
	public long getFoldedCount() {
		return this.folded.sum();
	}

}
