package dev.llmtracing.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link LinkedHashMap} that holds at most a given number of entries: putting one more
 * drops the eldest, either the least recently used (a cache) or the first put (an index
 * of recent things). For a bounded set, wrap one with
 * {@link java.util.Collections#newSetFromMap(Map)}. Not thread-safe: callers synchronize,
 * as with any {@code LinkedHashMap}; in a least-recently-used map a {@code get} is a
 * modification too.
 *
 * @param <K> the type of the keys
 * @param <V> the type of the values
 * @author llm-tracing
 */
public final class BoundedMap<K, V> extends LinkedHashMap<K, V> {

	private final int maxSize;

	private BoundedMap(int maxSize, boolean accessOrder) {
		super(16, 0.75f, accessOrder);
		this.maxSize = maxSize;
	}

	/**
	 * Create a map that drops the least recently used entry (read or written) first.
	 * @param <K> the type of the keys
	 * @param <V> the type of the values
	 * @param maxSize the most entries kept
	 * @return an empty map
	 */
	public static <K, V> BoundedMap<K, V> leastRecentlyUsed(int maxSize) {
		return new BoundedMap<>(maxSize, true);
	}

	/**
	 * Create a map that drops the entry put first; putting a key again does not make it
	 * younger.
	 * @param <K> the type of the keys
	 * @param <V> the type of the values
	 * @param maxSize the most entries kept
	 * @return an empty map
	 */
	public static <K, V> BoundedMap<K, V> firstInFirstOut(int maxSize) {
		return new BoundedMap<>(maxSize, false);
	}

	@Override
	protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
		return size() > this.maxSize;
	}

}
