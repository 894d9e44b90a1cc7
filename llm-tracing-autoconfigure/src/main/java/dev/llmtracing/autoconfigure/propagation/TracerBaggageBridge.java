package dev.llmtracing.autoconfigure.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * <p>
 * Writing touches the baggage of the trace only where the incoming baggage holds an ID
 * key: such an entry gets the request's validated ID until the scope is closed, so that
 * the propagator never sends on an incoming value that failed validation. Micrometer
 * Tracing cannot remove a baggage entry, so an entry the request has no valid ID for
 * (including one whose key differs only in case) is overwritten with an empty value,
 * which the propagator sends as an empty entry and which llm-tracing reads as absent. A
 * request whose baggage holds no ID key leaves the trace's baggage empty: its IDs are
 * added to outgoing calls by the client interceptors instead, because every entry in the
 * trace's baggage costs work on every scope change of every observation.
 *
 * @author llm-tracing
 */
final class TracerBaggageBridge implements BaggageBridge {

	private static final String NO_ID = "";

	private final Tracer tracer;

	private final MdcKeys keys;

	/**
	 * Create a bridge.
	 * @param tracer the tracer
	 * @param keys the MDC keys, also the baggage keys
	 */
	TracerBaggageBridge(Tracer tracer, MdcKeys keys) {
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
		Map<String, String> incoming = this.tracer.getAllBaggage();
		if (incoming.isEmpty()) {
			return Scope.NONE;
		}
		List<BaggageInScope> scopes = new ArrayList<>(3);
		try {
			write(scopes, incoming, this.keys.requestId(), ids.requestId());
			write(scopes, incoming, this.keys.contextId(), ids.contextId());
			write(scopes, incoming, this.keys.userId(), ids.userId());
		}
		catch (RuntimeException ex) {
			close(scopes);
			throw ex;
		}
		return scopes.isEmpty() ? Scope.NONE : () -> close(scopes);
	}

	private void write(List<BaggageInScope> scopes, Map<String, String> incoming, String key, @Nullable String id) {
		for (Map.Entry<String, String> entry : incoming.entrySet()) {
			String name = entry.getKey();
			// the exact key gets the valid ID; a key differing only in case is emptied
			String value = (id != null && name.equals(key)) ? id : NO_ID;
			if (name.equalsIgnoreCase(key) && !value.equals(entry.getValue())) {
				scopes.add(this.tracer.createBaggageInScope(name, value));
			}
		}
	}

	private static void close(List<BaggageInScope> scopes) {
		for (int i = scopes.size() - 1; i >= 0; i--) {
			scopes.get(i).close();
		}
	}

}
