package dev.llmtracing.tracing;

import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingIds;
import io.micrometer.tracing.Baggage;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BaggageBridge} over Micrometer Tracing: the IDs travel as W3C baggage entries
 * named like their MDC keys. Incoming values are handed back unvalidated; the caller
 * validates them like headers before they reach the MDC.
 *
 * @author llm-tracing
 */
public class TracerBaggageBridge implements BaggageBridge {

	private final Tracer tracer;

	private final MdcKeys keys;

	/**
	 * Create a bridge.
	 * @param tracer the tracer
	 * @param keys the MDC keys, also the baggage keys
	 */
	public TracerBaggageBridge(Tracer tracer, MdcKeys keys) {
		this.tracer = tracer;
		this.keys = keys;
	}

	@Override
	public @Nullable String read(String key) {
		Baggage baggage = this.tracer.getBaggage(key);
		return (baggage != null) ? baggage.get() : null;
	}

	@Override
	public Scope write(TracingIds ids) {
		if (this.tracer.currentSpan() == null) {
			return Scope.NONE;
		}
		List<BaggageInScope> scopes = new ArrayList<>(3);
		open(scopes, this.keys.requestId(), ids.requestId());
		open(scopes, this.keys.contextId(), ids.contextId());
		open(scopes, this.keys.userId(), ids.userId());
		return () -> {
			for (int i = scopes.size() - 1; i >= 0; i--) {
				scopes.get(i).close();
			}
		};
	}

	private void open(List<BaggageInScope> scopes, String key, @Nullable String value) {
		if (value != null) {
			scopes.add(this.tracer.createBaggageInScope(key, value));
		}
	}

}
