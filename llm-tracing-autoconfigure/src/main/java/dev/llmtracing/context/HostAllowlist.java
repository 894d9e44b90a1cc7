package dev.llmtracing.context;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The hosts trusted to receive the IDs: exact names ({@code orders.internal}), suffix
 * patterns ({@code *.svc.cluster.local}) or {@code *} for every host.
 *
 * @author llm-tracing
 */
public final class HostAllowlist {

	private final boolean allowsAll;

	private final Set<String> names;

	private final List<String> suffixes;

	/**
	 * Create an allowlist.
	 * @param patterns the host names and patterns
	 */
	public HostAllowlist(List<String> patterns) {
		List<String> normalized = patterns.stream().map((pattern) -> pattern.trim().toLowerCase(Locale.ROOT)).toList();
		this.allowsAll = normalized.contains("*");
		this.names = Set.copyOf(normalized);
		this.suffixes = normalized.stream()
			.filter((pattern) -> pattern.startsWith("*."))
			.map((pattern) -> pattern.substring(1))
			.toList();
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
		if (this.allowsAll || this.names.contains(name)) {
			return true;
		}
		for (String suffix : this.suffixes) {
			if (name.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

}
