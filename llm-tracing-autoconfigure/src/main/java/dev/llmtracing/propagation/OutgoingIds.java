package dev.llmtracing.propagation;

import java.net.URI;
import java.util.List;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Decides what an outgoing request carries: to an allowed host, the ID headers of the
 * current IDs (unless the caller set them); to any other host, no ID header and no ID
 * baggage entry, so that IDs do not cross a trust boundary.
 *
 * @author llm-tracing
 */
public final class OutgoingIds {

	private static final String BAGGAGE = "baggage";

	private final IdScopes idScopes;

	private final HostAllowlist allowlist;

	private final String requestHeader;

	private final String contextHeader;

	private final String userHeader;

	/**
	 * Create an instance.
	 * @param idScopes reads the current IDs
	 * @param allowlist the hosts that may receive the IDs
	 * @param requestHeader the name of the request ID header
	 * @param contextHeader the name of the context ID header
	 * @param userHeader the name of the user ID header
	 */
	public OutgoingIds(IdScopes idScopes, HostAllowlist allowlist, String requestHeader, String contextHeader,
			String userHeader) {
		this.idScopes = idScopes;
		this.allowlist = allowlist;
		this.requestHeader = requestHeader;
		this.contextHeader = contextHeader;
		this.userHeader = userHeader;
	}

	/**
	 * Apply the policy to the headers of a request.
	 * @param uri the request URI
	 * @param headers the request headers, changed in place
	 */
	public void apply(URI uri, HttpHeaders headers) {
		if (this.allowlist.allows(uri.getHost())) {
			TracingIds ids = this.idScopes.current();
			add(headers, this.requestHeader, ids.requestId());
			add(headers, this.contextHeader, ids.contextId());
			add(headers, this.userHeader, ids.userId());
			return;
		}
		headers.remove(this.requestHeader);
		headers.remove(this.contextHeader);
		headers.remove(this.userHeader);
		List<String> baggage = headers.get(BAGGAGE);
		if (baggage != null) {
			List<String> kept = baggage.stream().map(this::withoutIds).filter((value) -> !value.isEmpty()).toList();
			headers.remove(BAGGAGE);
			kept.forEach((value) -> headers.add(BAGGAGE, value));
		}
	}

	private String withoutIds(String baggage) {
		StringBuilder kept = new StringBuilder();
		for (String member : baggage.split(",")) {
			int equals = member.indexOf('=');
			String key = ((equals >= 0) ? member.substring(0, equals) : member).trim();
			if (!isIdKey(key)) {
				kept.append((kept.length() > 0) ? "," : "").append(member.trim());
			}
		}
		return kept.toString();
	}

	private boolean isIdKey(String key) {
		return key.equals(this.idScopes.getKeys().requestId()) || key.equals(this.idScopes.getKeys().contextId())
				|| key.equals(this.idScopes.getKeys().userId());
	}

	private static void add(HttpHeaders headers, String name, @Nullable String value) {
		if (value != null && !headers.containsHeader(name)) {
			headers.set(name, value);
		}
	}

}
