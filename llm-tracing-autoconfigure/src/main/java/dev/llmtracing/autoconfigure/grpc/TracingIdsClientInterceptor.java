package dev.llmtracing.autoconfigure.grpc;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.context.HostAllowlist;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.context.TracingHeaders;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * gRPC client interceptor that applies the same policy as the HTTP clients: calls to an
 * allowed target carry the current IDs as metadata (unless the caller set them); calls to
 * any other target carry no ID metadata and no ID entry in their {@code baggage}
 * metadata. The IDs are read when the call starts, on the thread that starts it. A
 * failure of the policy never fails the call.
 *
 * @author llm-tracing
 */
final class TracingIdsClientInterceptor implements ClientInterceptor {

	private final IdScopes idScopes;

	private final HostAllowlist allowlist;

	private final InstrumentationFailures failures;

	private final Metadata.Key<String> requestKey;

	private final Metadata.Key<String> contextKey;

	private final Metadata.Key<String> userKey;

	private final boolean metadataEnabled;

	private final boolean baggageEnabled;

	/**
	 * Create an interceptor.
	 * @param idScopes reads the current IDs
	 * @param allowlist the target hosts that may receive the IDs
	 * @param keys the names of the ID metadata keys
	 * @param failures counts failures of the policy
	 * @param metadataEnabled whether allowed targets get the ID metadata
	 * @param baggageEnabled whether allowed targets get the IDs as members of the
	 * {@code baggage} metadata
	 */
	TracingIdsClientInterceptor(IdScopes idScopes, HostAllowlist allowlist, TracingHeaders keys,
			InstrumentationFailures failures, boolean metadataEnabled, boolean baggageEnabled) {
		this.idScopes = idScopes;
		this.allowlist = allowlist;
		this.failures = failures;
		this.requestKey = MetadataKeys.of(keys.requestId());
		this.contextKey = MetadataKeys.of(keys.contextId());
		this.userKey = MetadataKeys.of(keys.userId());
		this.metadataEnabled = metadataEnabled;
		this.baggageEnabled = baggageEnabled;
	}

	@Override
	public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
		String authority = next.authority();
		return new SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {

			@Override
			public void start(Listener<R> responseListener, Metadata headers) {
				try {
					apply(authority, headers);
				}
				catch (RuntimeException ex) {
					TracingIdsClientInterceptor.this.failures.record(InstrumentedComponent.PROPAGATION, ex);
				}
				super.start(responseListener, headers);
			}

		};
	}

	private void apply(@Nullable String authority, Metadata headers) {
		if (this.allowlist.allows(host(authority))) {
			TracingIds ids = this.idScopes.current();
			if (this.metadataEnabled) {
				add(headers, this.requestKey, ids.requestId());
				add(headers, this.contextKey, ids.contextId());
				add(headers, this.userKey, ids.userId());
			}
			if (this.baggageEnabled) {
				addBaggage(headers, ids);
			}
			return;
		}
		headers.removeAll(this.requestKey);
		headers.removeAll(this.contextKey);
		headers.removeAll(this.userKey);
		Iterable<String> baggage = headers.removeAll(MetadataBaggage.BAGGAGE);
		if (baggage != null) {
			for (String value : baggage) {
				String kept = withoutIds(value);
				if (!kept.isEmpty()) {
					headers.put(MetadataBaggage.BAGGAGE, kept);
				}
			}
		}
	}

	private void addBaggage(Metadata headers, TracingIds ids) {
		Iterable<String> existing = headers.getAll(MetadataBaggage.BAGGAGE);
		StringBuilder members = new StringBuilder();
		MdcKeys keys = this.idScopes.getKeys();
		appendMember(members, existing, keys.requestId(), ids.requestId());
		appendMember(members, existing, keys.contextId(), ids.contextId());
		appendMember(members, existing, keys.userId(), ids.userId());
		if (!members.isEmpty()) {
			headers.put(MetadataBaggage.BAGGAGE, members.toString());
		}
	}

	private void appendMember(StringBuilder members, @Nullable Iterable<String> existing, String key,
			@Nullable String id) {
		// a valid ID is made of characters that a baggage value may hold unencoded
		if (id == null || !this.idScopes.isValid(id) || hasMember(existing, key)) {
			return;
		}
		members.append(members.isEmpty() ? "" : ",").append(key).append('=').append(id);
	}

	private static boolean hasMember(@Nullable Iterable<String> existing, String key) {
		if (existing != null) {
			for (String value : existing) {
				for (String member : value.split(",")) {
					int equals = member.indexOf('=');
					if (((equals >= 0) ? member.substring(0, equals) : member).trim().equals(key)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private String withoutIds(String baggage) {
		StringBuilder kept = new StringBuilder();
		for (String member : baggage.split(",")) {
			int equals = member.indexOf('=');
			String key = ((equals >= 0) ? member.substring(0, equals) : member).trim();
			if (!key.equals(this.idScopes.getKeys().requestId()) && !key.equals(this.idScopes.getKeys().contextId())
					&& !key.equals(this.idScopes.getKeys().userId())) {
				kept.append((kept.length() > 0) ? "," : "").append(member.trim());
			}
		}
		return kept.toString();
	}

	static @Nullable String host(@Nullable String authority) {
		if (authority == null || authority.isEmpty()) {
			return null;
		}
		String host = authority.substring(authority.lastIndexOf('@') + 1);
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			return (end > 0) ? host.substring(0, end + 1) : host;
		}
		int colon = host.indexOf(':');
		return (colon >= 0 && colon == host.lastIndexOf(':')) ? host.substring(0, colon) : host;
	}

	private static void add(Metadata headers, Metadata.Key<String> key, @Nullable String value) {
		if (value != null && !headers.containsKey(key)) {
			headers.put(key, value);
		}
	}

}
