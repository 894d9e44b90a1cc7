package dev.llmtracing.context;

import org.jspecify.annotations.Nullable;

/**
 * The IDs in force on the current thread, from {@link IdScopes#open} until
 * {@link #close()}. Closing restores the MDC values that the thread had before, so a
 * pooled thread never keeps the IDs of a finished unit of work. Close it on the thread
 * that opened it, best with try-with-resources. Opening and closing write only the MDC
 * entries whose value changes: a scope opened inside another with the same IDs writes
 * none.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class IdScope implements AutoCloseable {

	private final IdScopes scopes;

	private final TracingIds ids;

	private final TracingIds previous;

	private boolean closed;

	private @Nullable Runnable onClose;

	IdScope(IdScopes scopes, TracingIds ids) {
		this.scopes = scopes;
		this.ids = ids;
		this.previous = scopes.current();
		scopes.change(this.previous, ids);
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
		this.scopes.set(this.previous);
		Runnable onClose = this.onClose;
		if (onClose != null) {
			try {
				onClose.run();
			}
			catch (RuntimeException ex) {
				// never into the code that closes its scope
			}
		}
	}

	void onClose(@Nullable Runnable onClose) {
		this.onClose = onClose;
	}

}
