package dev.llmtracing.support;

import java.util.EnumMap;
import java.util.Map;
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
 * @since 0.1.0
 */
public final class InstrumentationFailures {

	private static final Logger logger = LoggerFactory.getLogger(InstrumentationFailures.class);

	private final Map<InstrumentedComponent, LongAdder> counts = new EnumMap<>(InstrumentedComponent.class);

	/**
	 * Create an instance with a count of zero for every component.
	 */
	public InstrumentationFailures() {
		for (InstrumentedComponent component : InstrumentedComponent.values()) {
			this.counts.put(component, new LongAdder());
		}
	}

	/**
	 * Record a failure.
	 * @param component the component that failed
	 * @param ex the exception that was caught
	 */
	public void record(InstrumentedComponent component, Throwable ex) {
		try {
			LongAdder count = this.counts.get(component);
			boolean first = count.sum() == 0;
			count.increment();
			if (first) {
				logger.warn("llm-tracing instrumentation failure in '{}'; the application is not affected, "
						+ "further failures are logged at DEBUG level", component.tagValue(), ex);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("llm-tracing instrumentation failure in '{}'", component.tagValue(), ex);
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
	public long count(InstrumentedComponent component) {
		return this.counts.get(component).sum();
	}

}
