package dev.llmtracing.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the JSON exchange record.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.record")
public class LlmTracingRecordProperties implements Validator {

	/**
	 * Whether to write one log event per model call on the exchange logger.
	 */
	private boolean enabled = true;

	/**
	 * Name of the logger that exchange records are written to.
	 */
	private String loggerName = "llm.tracing.exchange";

	/**
	 * Maximum number of records waiting to be written; further records are dropped and
	 * counted rather than blocking the caller.
	 */
	private int queueCapacity = 10_000;

	/**
	 * How long to wait at shutdown, once the web server has stopped, for waiting records
	 * to be written; records not written by then are counted as dropped.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLoggerName() {
		return this.loggerName;
	}

	public void setLoggerName(String loggerName) {
		this.loggerName = loggerName;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingRecordProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingRecordProperties record = (LlmTracingRecordProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.record");
		checks.notBlank("loggerName", "logger-name", record.getLoggerName());
		checks.range("queueCapacity", "queue-capacity", record.getQueueCapacity(), 1, 10_000_000);
		checks.notNegative("shutdownTimeout", "shutdown-timeout", record.getShutdownTimeout(), "5s");
	}

}
