package dev.llmtracing.autoconfigure.chat;

import java.util.List;

import dev.llmtracing.redact.Placeholders;
import dev.llmtracing.redact.Redactor;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;

/**
 * Applies several {@link Redactor redactors} in order. It fails closed: if any of them
 * throws, the whole text is replaced by {@value Placeholders#REDACTION_FAILED} and the
 * failure is counted, so an unmasked text is never kept.
 *
 * @author llm-tracing
 */
final class RedactorChain implements Redactor {

	private final List<Redactor> redactors;

	private final InstrumentationFailures failures;

	/**
	 * Create a chain.
	 * @param redactors the redactors, in order
	 * @param failures counts failures of the redactors
	 */
	RedactorChain(List<Redactor> redactors, InstrumentationFailures failures) {
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
				return Placeholders.REDACTION_FAILED;
			}
		}
		return result;
	}

}
