package dev.llmtracing.autoconfigure.audit;

import dev.llmtracing.audit.AuditFailureMode;
import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the tamper-evident audit trail.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.audit")
public class LlmTracingAuditProperties implements Validator {

	/**
	 * Whether to write every exchange record to a hash-chained audit file.
	 */
	private boolean enabled = false;

	/**
	 * Path of the audit file; rolled files get the suffixes .1, .2, ...
	 */
	private String file = "logs/llm-audit.jsonl";

	/**
	 * Size at which the audit file is rolled.
	 */
	private DataSize maxFileSize = DataSize.ofMegabytes(10);

	/**
	 * Number of rolled audit files to keep.
	 */
	private int maxHistory = 30;

	/**
	 * What a model call does when its audit line cannot be written: 'drop-and-count' (the
	 * line is written off the caller's thread; a failure is counted and the call goes on)
	 * or 'fail-closed' (the line is written and forced to disk before the call returns; a
	 * failure fails the call with an AuditTrailException).
	 */
	private AuditFailureMode onFailure = AuditFailureMode.DROP_AND_COUNT;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getFile() {
		return this.file;
	}

	public void setFile(String file) {
		this.file = file;
	}

	public DataSize getMaxFileSize() {
		return this.maxFileSize;
	}

	public void setMaxFileSize(DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	public int getMaxHistory() {
		return this.maxHistory;
	}

	public void setMaxHistory(int maxHistory) {
		this.maxHistory = maxHistory;
	}

	public AuditFailureMode getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(AuditFailureMode onFailure) {
		this.onFailure = onFailure;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingAuditProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingAuditProperties audit = (LlmTracingAuditProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.audit");
		checks.notBlank("file", "file", audit.getFile());
		checks.atLeastOneKilobyte("maxFileSize", "max-file-size", audit.getMaxFileSize(), "10MB");
		checks.range("maxHistory", "max-history", audit.getMaxHistory(), 0, 100_000);
	}

}
