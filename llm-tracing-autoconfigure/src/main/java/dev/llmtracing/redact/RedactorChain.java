package dev.llmtracing.redact;

import java.util.List;

import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;

/**
 * Applies several {@link Redactor redactors} in order. It fails closed: if any of them
 * throws, the whole text is replaced by {@value #DROPPED} and the failure is counted, so
 * an unmasked text is never kept.
 *
 * @author llm-tracing
 */
public final class RedactorChain implements Redactor {

	/**
	 * What replaces a text whose masking failed.
	 */
	public static final String DROPPED = "[REDACTION_FAILED]";

	private final List<Redactor> redactors;

	private final InstrumentationFailures failures;

	/**
	 * Create a chain.
	 * @param redactors the redactors, in order
	 * @param failures counts failures of the redactors
	 */
	public RedactorChain(List<Redactor> redactors, InstrumentationFailures failures) {
		this.redactors = List.copyOf(redactors);
		this.failures = failures;
	}

	@Override
	public String redact(String text) {
		String result = text;
		for (Redactor redactor : this.redactors) {
			try {
				result = redactor.redact(result);
			}
			catch (RuntimeException ex) {
				this.failures.record(InstrumentedComponent.REDACTOR, ex);
				return DROPPED;
			}
		}
		return result;
	}

}
