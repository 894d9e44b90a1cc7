package dev.llmtracing.context;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the IDs of an inbound request, the same way for every transport (servlet,
 * WebFlux, gRPC): the values the request carries are validated by {@link IdScopes}; when
 * it carries none of them, the IDs are read from its baggage field headers (headers named
 * like the MDC keys, such as {@code requestId}) or, for a key without one, from its W3C
 * baggage, and validated the same way. A failing {@link BaggageBridge} or header lookup
 * never fails the request.
 *
 * @author llm-tracing
 */
public final class InboundIds {

	/**
	 * The source reported with rejected IDs from HTTP headers.
	 */
	public static final String HEADER_SOURCE = "header";

	/**
	 * The source reported with rejected IDs from incoming baggage.
	 */
	public static final String BAGGAGE_SOURCE = "baggage";

	private final IdScopes idScopes;

	private final BaggageBridge baggage;

	/**
	 * Create an instance.
	 * @param idScopes validates the IDs
	 * @param baggage reads incoming baggage and writes the IDs to the current trace
	 */
	public InboundIds(IdScopes idScopes, BaggageBridge baggage) {
		this.idScopes = idScopes;
		this.baggage = baggage;
	}

	/**
	 * Return the validated IDs of a request whose transport has no baggage field headers
	 * (gRPC metadata): when it carries none of the IDs, they come from its baggage alone.
	 * @param requestId the request ID the request carries, or {@code null}
	 * @param contextId the context ID the request carries, or {@code null}
	 * @param userId the user ID the request carries, or {@code null}
	 * @param source where the given values came from, reported with rejections
	 * @return the IDs to use, with a request ID always present
	 */
	public TracingIds resolve(@Nullable String requestId, @Nullable String contextId, @Nullable String userId,
			String source) {
		return resolve(requestId, contextId, userId, source, (name) -> null);
	}

	/**
	 * Return the validated IDs of a request that may carry baggage field headers.
	 * @param requestId the request ID the request carries, or {@code null}
	 * @param contextId the context ID the request carries, or {@code null}
	 * @param userId the user ID the request carries, or {@code null}
	 * @param source where the given values came from, reported with rejections
	 * @param fieldHeaders the value of the request's header of the given name, or
	 * {@code null}; asked for the baggage field headers only when the request carries
	 * none of the IDs
	 * @return the IDs to use, with a request ID always present
	 */
	public TracingIds resolve(@Nullable String requestId, @Nullable String contextId, @Nullable String userId,
			String source, Function<String, @Nullable String> fieldHeaders) {
		if (requestId == null && contextId == null && userId == null) {
			MdcKeys keys = this.idScopes.getKeys();
			return this.idScopes.validate(readCarried(keys.requestId(), fieldHeaders),
					readCarried(keys.contextId(), fieldHeaders), readCarried(keys.userId(), fieldHeaders),
					BAGGAGE_SOURCE);
		}
		return this.idScopes.validate(requestId, contextId, userId, source);
	}

	/**
	 * Put the IDs in the baggage of the current trace, if there is one.
	 * @param ids the validated IDs
	 * @return the scope to close, never failing
	 */
	public BaggageBridge.Scope writeBaggage(TracingIds ids) {
		try {
			return this.baggage.write(ids);
		}
		catch (RuntimeException ex) {
			return BaggageBridge.Scope.NONE;
		}
	}

	private @Nullable String readCarried(String key, Function<String, @Nullable String> fieldHeaders) {
		String value;
		try {
			value = fieldHeaders.apply(key);
		}
		catch (RuntimeException ex) {
			value = null;
		}
		return (value != null) ? value : readBaggage(key);
	}

	private @Nullable String readBaggage(String key) {
		try {
			return this.baggage.read(key);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
