package dev.llmtracing.context;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer's context propagation carry the {@link TracingIds} of the current
 * thread to other threads: Reactor operators (with automatic context propagation), and
 * tasks of executors decorated with a {@code ContextPropagatingTaskDecorator}
 * ({@code @Async}, Spring-managed executors). The IDs are set in the MDC while the work
 * runs and the thread's previous values are restored afterwards.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class IdsThreadLocalAccessor implements ThreadLocalAccessor<TracingIds> {

	/**
	 * The key of the accessor in the context registry.
	 */
	public static final String KEY = "llm.tracing.ids";

	private final IdScopes idScopes;

	/**
	 * Create an accessor.
	 * @param idScopes reads and writes the IDs of the current thread
	 */
	public IdsThreadLocalAccessor(IdScopes idScopes) {
		this.idScopes = idScopes;
	}

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable TracingIds getValue() {
		TracingIds ids = this.idScopes.current();
		return ids.isEmpty() ? null : ids;
	}

	@Override
	public void setValue(TracingIds value) {
		this.idScopes.set(value);
	}

	@Override
	public void setValue() {
		this.idScopes.set(TracingIds.NONE);
	}

}
