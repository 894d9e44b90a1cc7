package dev.llmtracing.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the failures of the instrumentation itself, per component. The instrumentation
 * catches every exception of its own so that it never reaches the application; this is
 * where those exceptions are counted, and logged once per component at WARN level (then
 * at DEBUG level) so that a broken component cannot flood the log.
 *
 * @author llm-tracing
 */
public final class InstrumentationFailures {

	private static final Logger logger = LoggerFactory.getLogger(InstrumentationFailures.class);

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	/**
	 * Record a failure.
	 * @param component the component that failed, for example {@code capture}
	 * @param ex the exception that was caught
	 */
	public void record(String component, Throwable ex) {
		try {
			LongAdder count = this.counts.computeIfAbsent(component, (key) -> new LongAdder());
			boolean first = count.sum() == 0;
			count.increment();
			if (first) {
				logger.warn("llm-tracing instrumentation failure in '{}'; the application is not affected, "
						+ "further failures are logged at DEBUG level", component, ex);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("llm-tracing instrumentation failure in '{}'", component, ex);
			}
		}
		catch (RuntimeException ignored) {
			// Counting must never fail the caller
		}
	}

	/**
	 * Return the number of failures of one component.
	 * @param component the component
	 * @return the number of failures recorded so far
	 */
	public long count(String component) {
		LongAdder count = this.counts.get(component);
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Return the number of failures of all components.
	 * @return the number of failures recorded so far
	 */
	public long total() {
		return this.counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

}
