package dev.llmtracing.autoconfigure.request;

import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of request records.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.requests")
public class LlmTracingRequestProperties implements Validator {

	/**
	 * Whether to write one summary record per inbound request, with where its time went.
	 */
	private boolean enabled = true;

	/**
	 * Whether to write a record for every request, not only for those that made a model
	 * call.
	 */
	private boolean allRequests = false;

	/**
	 * Name of the logger that request records are written to.
	 */
	private String loggerName = "llm.tracing.request";

	/**
	 * Maximum number of requests followed at once; further requests get no record.
	 */
	private int maxRunning = 10000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAllRequests() {
		return this.allRequests;
	}

	public void setAllRequests(boolean allRequests) {
		this.allRequests = allRequests;
	}

	public String getLoggerName() {
		return this.loggerName;
	}

	public void setLoggerName(String loggerName) {
		this.loggerName = loggerName;
	}

	public int getMaxRunning() {
		return this.maxRunning;
	}

	public void setMaxRunning(int maxRunning) {
		this.maxRunning = maxRunning;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingRequestProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingRequestProperties requests = (LlmTracingRequestProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.requests");
		checks.notBlank("loggerName", "logger-name", requests.getLoggerName());
		checks.range("maxRunning", "max-running", requests.getMaxRunning(), 1, 1_000_000);
	}

}
