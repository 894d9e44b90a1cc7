package dev.llmtracing.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.TracingIds;
import org.jspecify.annotations.Nullable;

/**
 * A trace baggage for the inbound filters' tests: it answers reads from a map and records
 * what was read and written.
 *
 * @author llm-tracing
 */
public class RecordingBaggage implements BaggageBridge {

	private final Map<String, String> incoming;

	private final List<String> touched = new CopyOnWriteArrayList<>();

	private final List<TracingIds> written = new CopyOnWriteArrayList<>();

	/**
	 * Create a baggage that holds the given incoming entries.
	 * @param incoming the incoming baggage entries, by key
	 */
	public RecordingBaggage(Map<String, String> incoming) {
		this.incoming = incoming;
	}

	@Override
	public @Nullable String read(String key) {
		this.touched.add("read " + key);
		return this.incoming.get(key);
	}

	@Override
	public Scope write(TracingIds ids) {
		this.touched.add("write");
		this.written.add(ids);
		return Scope.NONE;
	}

	/**
	 * Return what was done with the baggage, in order: {@code read <key>} or
	 * {@code write}.
	 * @return the reads and writes
	 */
	public List<String> touched() {
		return this.touched;
	}

	/**
	 * Return the IDs written, in order.
	 * @return the written IDs
	 */
	public List<TracingIds> written() {
		return this.written;
	}

}
