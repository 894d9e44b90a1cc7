package dev.llmtracing.propagation;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The hosts trusted to receive the IDs: exact names ({@code orders.internal}), suffix
 * patterns ({@code *.svc.cluster.local}) or {@code *} for every host.
 *
 * @author llm-tracing
 */
public final class HostAllowlist {

	private final List<String> patterns;

	/**
	 * Create an allowlist.
	 * @param patterns the host names and patterns
	 */
	public HostAllowlist(List<String> patterns) {
		this.patterns = patterns.stream().map((pattern) -> pattern.trim().toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * Return whether the host may receive the IDs.
	 * @param host the host name or address, possibly {@code null}
	 * @return {@code true} if it matches a pattern
	 */
	public boolean allows(@Nullable String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		for (String pattern : this.patterns) {
			if (pattern.equals("*") || pattern.equals(name)
					|| (pattern.startsWith("*.") && name.endsWith(pattern.substring(1)))) {
				return true;
			}
		}
		return false;
	}

}
