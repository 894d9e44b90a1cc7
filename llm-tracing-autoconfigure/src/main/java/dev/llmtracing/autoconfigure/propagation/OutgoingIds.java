package dev.llmtracing.autoconfigure.propagation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.context.HostAllowlist;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Decides what an outgoing request carries: to an allowed host, the ID headers of the
 * current IDs and, with baggage on, their W3C {@code baggage} members and baggage field
 * headers (named like the MDC keys), each unless the caller or the propagator set it; to
 * any other host, no ID header and no ID baggage, so that IDs do not cross a trust
 * boundary. Whatever the host, no ID value that fails validation leaves: not in an ID
 * header, not in a {@code baggage} member and not in a baggage field header that the
 * tracer's propagator added.
 * <p>
 * The IDs are added here, per outgoing request, rather than kept in the baggage of the
 * trace for the whole request: baggage in the trace context costs work on every scope
 * change of every observation (MDC updates, baggage merges), whether or not a call is
 * ever made.
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

	private final boolean headersEnabled;

	private final boolean baggageEnabled;

	/**
	 * Create an instance.
	 * @param idScopes reads the current IDs
	 * @param allowlist the hosts that may receive the IDs
	 * @param requestHeader the name of the request ID header
	 * @param contextHeader the name of the context ID header
	 * @param userHeader the name of the user ID header
	 * @param headersEnabled whether allowed hosts get the ID headers
	 * @param baggageEnabled whether allowed hosts get the IDs as baggage members and
	 * baggage field headers
	 */
	OutgoingIds(IdScopes idScopes, HostAllowlist allowlist, String requestHeader, String contextHeader,
			String userHeader, boolean headersEnabled, boolean baggageEnabled) {
		this.idScopes = idScopes;
		this.allowlist = allowlist;
		this.requestHeader = requestHeader;
		this.contextHeader = contextHeader;
		this.userHeader = userHeader;
		this.headersEnabled = headersEnabled;
		this.baggageEnabled = baggageEnabled;
	}

	/**
	 * Apply the policy to the headers of a request.
	 * @param uri the request URI
	 * @param headers the request headers, changed in place
	 */
	public void apply(URI uri, HttpHeaders headers) {
		boolean allowed = this.allowlist.allows(uri.getHost());
		TracingIds ids = allowed ? this.idScopes.current() : TracingIds.NONE;
		if (allowed && this.headersEnabled) {
			add(headers, this.requestHeader, ids.requestId());
			add(headers, this.contextHeader, ids.contextId());
			add(headers, this.userHeader, ids.userId());
		}
		else if (!allowed) {
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
		if (allowed && this.baggageEnabled && !ids.isEmpty()) {
			addBaggage(headers, keys, ids);
		}
	}

	private void addBaggage(HttpHeaders headers, MdcKeys keys, TracingIds ids) {
		add(headers, keys.requestId(), ids.requestId());
		add(headers, keys.contextId(), ids.contextId());
		add(headers, keys.userId(), ids.userId());
		List<String> baggage = headers.get(BAGGAGE);
		StringBuilder members = new StringBuilder();
		appendMember(members, baggage, keys.requestId(), ids.requestId());
		appendMember(members, baggage, keys.contextId(), ids.contextId());
		appendMember(members, baggage, keys.userId(), ids.userId());
		if (members.isEmpty()) {
			return;
		}
		if (baggage == null || baggage.isEmpty()) {
			headers.set(BAGGAGE, members.toString());
		}
		else {
			List<String> values = new ArrayList<>(baggage);
			values.set(0, values.get(0) + "," + members);
			headers.put(BAGGAGE, values);
		}
	}

	private void appendMember(StringBuilder members, @Nullable List<String> baggage, String key, @Nullable String id) {
		// a valid ID is made of characters that a baggage value may hold unencoded
		if (id == null || !this.idScopes.isValid(id) || hasMember(baggage, key)) {
			return;
		}
		members.append(members.isEmpty() ? "" : ",").append(key).append('=').append(id);
	}

	private static boolean hasMember(@Nullable List<String> baggage, String key) {
		if (baggage == null) {
			return false;
		}
		for (String value : baggage) {
			if (!BaggageMembers.filter(value, (name, id) -> name.equals(key)).isEmpty()) {
				return true;
			}
		}
		return false;
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
