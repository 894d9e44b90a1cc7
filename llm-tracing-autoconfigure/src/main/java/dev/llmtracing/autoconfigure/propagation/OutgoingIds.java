package dev.llmtracing.autoconfigure.propagation;

import java.net.URI;
import java.util.List;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.context.HostAllowlist;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Decides what an outgoing request carries: to an allowed host, the ID headers of the
 * current IDs (unless the caller set them); to any other host, no ID header and no ID
 * baggage, so that IDs do not cross a trust boundary. Whatever the host, no ID value that
 * fails validation leaves: not in an ID header, not in a {@code baggage} member and not
 * in a baggage field header (named like the MDC key) that the tracer's propagator added.
 *
 * @author llm-tracing
 */
final class OutgoingIds {

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
	OutgoingIds(IdScopes idScopes, HostAllowlist allowlist, String requestHeader, String contextHeader,
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
		boolean allowed = this.allowlist.allows(uri.getHost());
		if (allowed) {
			TracingIds ids = this.idScopes.current();
			add(headers, this.requestHeader, ids.requestId());
			add(headers, this.contextHeader, ids.contextId());
			add(headers, this.userHeader, ids.userId());
		}
		else {
			headers.remove(this.requestHeader);
			headers.remove(this.contextHeader);
			headers.remove(this.userHeader);
		}
		MdcKeys keys = this.idScopes.getKeys();
		keepValid(headers, keys.requestId(), allowed);
		keepValid(headers, keys.contextId(), allowed);
		keepValid(headers, keys.userId(), allowed);
		List<String> baggage = headers.get(BAGGAGE);
		if (baggage != null) {
			List<String> kept = baggage.stream()
				.map((value) -> BaggageMembers.filter(value,
						(key, id) -> !isIdKey(key) || (allowed && this.idScopes.isValid(id))))
				.filter((value) -> !value.isEmpty())
				.toList();
			headers.remove(BAGGAGE);
			kept.forEach((value) -> headers.add(BAGGAGE, value));
		}
	}

	private void keepValid(HttpHeaders headers, String name, boolean allowed) {
		List<String> values = headers.get(name);
		if (values == null) {
			return;
		}
		List<String> valid = allowed ? values.stream().filter(this.idScopes::isValid).toList() : List.of();
		if (valid.size() != values.size()) {
			headers.remove(name);
			valid.forEach((value) -> headers.add(name, value));
		}
	}

	private boolean isIdKey(String key) {
		MdcKeys keys = this.idScopes.getKeys();
		return key.equalsIgnoreCase(keys.requestId()) || key.equalsIgnoreCase(keys.contextId())
				|| key.equalsIgnoreCase(keys.userId());
	}

	private void add(HttpHeaders headers, String name, @Nullable String value) {
		if (value != null && this.idScopes.isValid(value) && !headers.containsHeader(name)) {
			headers.set(name, value);
		}
	}

}
