package dev.llmtracing.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.context.IdScopeListener;
import dev.llmtracing.context.TracingIds;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link IdScopeListener} beans as one, looked up when the first scope opens: the
 * listeners (the request tracker, for one) may need beans that need the ID scopes.
 *
 * @author llm-tracing
 */
final class IdScopeListeners implements IdScopeListener {

	private final SingletonSupplier<List<IdScopeListener>> listeners;

	IdScopeListeners(ObjectProvider<IdScopeListener> listeners) {
		this.listeners = SingletonSupplier.of(() -> listeners.orderedStream().toList());
	}

	@Override
	public @Nullable Runnable opened(TracingIds ids) {
		List<IdScopeListener> listeners = this.listeners.obtain();
		if (listeners.isEmpty()) {
			return null;
		}
		if (listeners.size() == 1) {
			return listeners.get(0).opened(ids);
		}
		List<Runnable> closers = new ArrayList<>(listeners.size());
		for (IdScopeListener listener : listeners) {
			Runnable closer = listener.opened(ids);
			if (closer != null) {
				closers.add(closer);
			}
		}
		return closers.isEmpty() ? null : () -> closers.forEach(Runnable::run);
	}

}
