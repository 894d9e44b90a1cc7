package dev.llmtracing.context;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The IDs in force on the current thread, from {@link IdScopes#open} until
 * {@link #close()}. Closing restores the MDC values that the thread had before, so a
 * pooled thread never keeps the IDs of a finished unit of work. Close it on the thread
 * that opened it, best with try-with-resources.
 *
 * @author llm-tracing
 */
public final class IdScope implements AutoCloseable {

	private final MdcKeys keys;

	private final TracingIds ids;

	private final @Nullable String previousRequestId;

	private final @Nullable String previousContextId;

	private final @Nullable String previousUserId;

	private boolean closed;

	IdScope(MdcKeys keys, TracingIds ids) {
		this.keys = keys;
		this.ids = ids;
		this.previousRequestId = MDC.get(keys.requestId());
		this.previousContextId = MDC.get(keys.contextId());
		this.previousUserId = MDC.get(keys.userId());
		set(keys.requestId(), ids.requestId());
		set(keys.contextId(), ids.contextId());
		set(keys.userId(), ids.userId());
	}

	/**
	 * Return the IDs of this scope, after validation.
	 * @return the IDs
	 */
	public TracingIds ids() {
		return this.ids;
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		set(this.keys.requestId(), this.previousRequestId);
		set(this.keys.contextId(), this.previousContextId);
		set(this.keys.userId(), this.previousUserId);
	}

	private static void set(String key, @Nullable String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
