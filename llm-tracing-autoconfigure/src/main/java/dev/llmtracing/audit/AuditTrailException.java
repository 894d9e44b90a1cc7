package dev.llmtracing.audit;

import java.nio.file.Path;

/**
 * Thrown out of a model call whose audit line could not be written durably, when
 * {@code llm.tracing.audit.on-failure=fail-closed}. The model did answer, but the
 * application does not get the answer: no audit line, no response.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public class AuditTrailException extends RuntimeException {

	private final Path file;

	/**
	 * Create an exception.
	 * @param file the audit file that could not be written
	 * @param exchangeId the exchange ID of the model call
	 * @param cause why the line could not be written
	 */
	public AuditTrailException(Path file, String exchangeId, Throwable cause) {
		super("Could not write the audit line of exchange " + exchangeId + " to '" + file + "' (" + cause
				+ "); the model call fails because llm.tracing.audit.on-failure=fail-closed", cause);
		this.file = file;
	}

	/**
	 * Return the audit file that could not be written.
	 * @return the audit file
	 */
	public Path getFile() {
		return this.file;
	}

}
