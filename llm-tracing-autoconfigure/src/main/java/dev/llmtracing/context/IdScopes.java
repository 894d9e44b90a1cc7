package dev.llmtracing.context;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Opens and reads the {@link IdScope} of the current thread. The servlet filter uses it
 * for each HTTP request; code that is not behind HTTP (a scheduled job, a message
 * listener) uses it the same way:
 *
 * <pre class="code">
 * try (IdScope scope = idScopes.open(null, message.conversationId(), message.userId())) {
 *     chatClient.prompt(message.text()).call().content();
 * }
 * </pre>
 *
 * Every value is validated: a missing or invalid request ID is replaced by a generated
 * one, an invalid context or user ID is dropped.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class IdScopes {

	/**
	 * The source reported to the {@link IdRejectionListener} for IDs given to
	 * {@link #open}.
	 */
	public static final String API_SOURCE = "api";

	private final MdcKeys keys;

	private final IdValidator validator;

	private final IdRejectionListener rejectionListener;

	private final boolean enabled;

	private final IdScopeListener scopeListener;

	/**
	 * Create an instance.
	 * @param keys the MDC keys of the IDs
	 * @param validator the validator of ID values
	 * @param rejectionListener told of every rejected ID
	 */
	public IdScopes(MdcKeys keys, IdValidator validator, IdRejectionListener rejectionListener) {
		this(keys, validator, rejectionListener, IdScopeListener.NONE);
	}

	/**
	 * Create an instance.
	 * @param keys the MDC keys of the IDs
	 * @param validator the validator of ID values
	 * @param rejectionListener told of every rejected ID
	 * @param scopeListener told of every unit of work {@link #open opened}
	 */
	public IdScopes(MdcKeys keys, IdValidator validator, IdRejectionListener rejectionListener,
			IdScopeListener scopeListener) {
		this(keys, validator, rejectionListener, true, scopeListener);
	}

	private IdScopes(MdcKeys keys, IdValidator validator, IdRejectionListener rejectionListener, boolean enabled,
			IdScopeListener scopeListener) {
		this.keys = keys;
		this.validator = validator;
		this.rejectionListener = rejectionListener;
		this.enabled = enabled;
		this.scopeListener = scopeListener;
	}

	/**
	 * Return the ID scopes of an application that switched llm-tracing off
	 * ({@code llm.tracing.enabled=false}): code written against this API keeps working,
	 * its scopes validate the IDs they are given and open and close, but nothing is put
	 * in the MDC and {@link #current()} is always empty.
	 * @return ID scopes that keep no IDs
	 */
	public static IdScopes disabled() {
		return new IdScopes(MdcKeys.DEFAULT, new IdValidator(1024), IdRejectionListener.NONE, false,
				IdScopeListener.NONE);
	}

	/**
	 * Open a scope with the given IDs on the current thread.
	 * @param requestId the request ID, or {@code null} to generate one
	 * @param contextId the context ID, or {@code null}
	 * @param userId the user ID, or {@code null}
	 * @return the open scope, to be closed on this thread
	 */
	public IdScope open(@Nullable String requestId, @Nullable String contextId, @Nullable String userId) {
		return open(requestId, contextId, userId, API_SOURCE);
	}

	/**
	 * Open a scope with the given IDs on the current thread.
	 * @param requestId the request ID, or {@code null} to generate one
	 * @param contextId the context ID, or {@code null}
	 * @param userId the user ID, or {@code null}
	 * @param source where the IDs came from, reported with rejections
	 * @return the open scope, to be closed on this thread
	 */
	public IdScope open(@Nullable String requestId, @Nullable String contextId, @Nullable String userId,
			String source) {
		IdScope scope = new IdScope(this, validate(requestId, contextId, userId, source));
		scope.onClose(opened(scope.ids()));
		return scope;
	}

	private @Nullable Runnable opened(TracingIds ids) {
		try {
			return this.scopeListener.opened(ids);
		}
		catch (RuntimeException ex) {
			// never into the code that opens its scope
			return null;
		}
	}

	/**
	 * Validate the given IDs without opening a scope.
	 * @param requestId the request ID, or {@code null} to generate one
	 * @param contextId the context ID, or {@code null}
	 * @param userId the user ID, or {@code null}
	 * @param source where the IDs came from, reported with rejections
	 * @return the IDs to use, with a request ID always present
	 */
	public TracingIds validate(@Nullable String requestId, @Nullable String contextId, @Nullable String userId,
			String source) {
		String validRequestId = check(IdKind.REQUEST, requestId, source);
		return new TracingIds((validRequestId != null) ? validRequestId : RandomIds.next(),
				check(IdKind.CONTEXT, contextId, source), check(IdKind.USER, userId, source));
	}

	/**
	 * Open a scope for IDs that were already validated, for example to carry a scope to
	 * another thread.
	 * @param ids the IDs
	 * @return the open scope, to be closed on this thread
	 */
	public IdScope restore(TracingIds ids) {
		return new IdScope(this, ids);
	}

	/**
	 * Set the IDs of the current thread without a scope to close, for context propagation
	 * libraries that restore the previous values themselves. Only the MDC entries whose
	 * value changes are written.
	 * @param ids the IDs; {@code null} components remove the MDC entry
	 */
	public void set(TracingIds ids) {
		if (!this.enabled) {
			return;
		}
		update(this.keys.requestId(), MDC.get(this.keys.requestId()), ids.requestId());
		update(this.keys.contextId(), MDC.get(this.keys.contextId()), ids.contextId());
		update(this.keys.userId(), MDC.get(this.keys.userId()), ids.userId());
	}

	/**
	 * Change the IDs of the current thread from the given ones, which it is known to
	 * hold, to others, writing only the entries that differ.
	 * @param current the IDs the thread holds
	 * @param ids the IDs to set
	 */
	void change(TracingIds current, TracingIds ids) {
		if (!this.enabled) {
			return;
		}
		update(this.keys.requestId(), current.requestId(), ids.requestId());
		update(this.keys.contextId(), current.contextId(), ids.contextId());
		update(this.keys.userId(), current.userId(), ids.userId());
	}

	/**
	 * Write an MDC entry only when its value changes: each write makes Logback copy the
	 * thread's MDC again for the next log event, and a scope or a Reactor signal often
	 * sets the values the thread already has.
	 */
	private static void update(String key, @Nullable String current, @Nullable String value) {
		if (value == null) {
			if (current != null) {
				MDC.remove(key);
			}
		}
		else if (!value.equals(current)) {
			MDC.put(key, value);
		}
	}

	/**
	 * Return the IDs in force on the current thread.
	 * @return the current IDs, each {@code null} when not set
	 */
	public TracingIds current() {
		if (!this.enabled) {
			return TracingIds.NONE;
		}
		return new TracingIds(MDC.get(this.keys.requestId()), MDC.get(this.keys.contextId()),
				MDC.get(this.keys.userId()));
	}

	/**
	 * Return whether the given value is a valid ID, without reporting a rejection: for
	 * code that passes IDs on and must never pass on one that would have been rejected.
	 * @param value the value to check
	 * @return {@code true} if it is a valid ID
	 */
	public boolean isValid(@Nullable String value) {
		return this.validator.isValid(value);
	}

	/**
	 * Return the request ID in force on the current thread, without reading the other
	 * IDs.
	 * @return the request ID, or {@code null} when not set
	 */
	public @Nullable String currentRequestId() {
		return this.enabled ? MDC.get(this.keys.requestId()) : null;
	}

	/**
	 * Return the MDC keys in use.
	 * @return the MDC keys
	 */
	public MdcKeys getKeys() {
		return this.keys;
	}

	private @Nullable String check(IdKind kind, @Nullable String value, String source) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (this.validator.isValid(value)) {
			return value;
		}
		try {
			this.rejectionListener.onRejected(kind, source);
		}
		catch (RuntimeException ex) {
			// A listener must not stop the request
		}
		return null;
	}

}
