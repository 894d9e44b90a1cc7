package dev.llmtracing.context;

import org.jspecify.annotations.Nullable;

/**
 * Told when code opens a unit of work with {@link IdScopes#open}: a message, a scheduled
 * job, any work that is not an inbound HTTP or gRPC request. Scopes that carry IDs to
 * another thread ({@link IdScopes#restore}) are not units of work and are not told. The
 * request records of such work are written this way.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@FunctionalInterface
public interface IdScopeListener {

	/**
	 * A listener that does nothing.
	 */
	IdScopeListener NONE = (ids) -> null;

	/**
	 * Called on the thread that opened the scope, after its IDs are in force.
	 * @param ids the validated IDs of the scope
	 * @return what to run when the scope closes, on the thread that closes it, or
	 * {@code null}
	 */
	@Nullable Runnable opened(TracingIds ids);

}
