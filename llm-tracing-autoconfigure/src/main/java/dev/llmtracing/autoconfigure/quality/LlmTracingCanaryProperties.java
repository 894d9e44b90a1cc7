package dev.llmtracing.autoconfigure.quality;

import java.time.Duration;

import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the canary replays: golden prompts asked of the configured
 * model on a schedule.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.quality.canary")
public class LlmTracingCanaryProperties implements Validator {

	/**
	 * Whether to ask the canaries of the canary file on a schedule.
	 */
	private boolean enabled;

	/**
	 * Location of the YAML file of canaries.
	 */
	private String file = "classpath:llm-canaries.yml";

	/**
	 * Time between the starts of two runs of every canary.
	 */
	private Duration interval = Duration.ofMinutes(15);

	/**
	 * Time from the start of the application to the first run.
	 */
	private Duration initialDelay = Duration.ofSeconds(30);

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

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Duration getInitialDelay() {
		return this.initialDelay;
	}

	public void setInitialDelay(Duration initialDelay) {
		this.initialDelay = initialDelay;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingCanaryProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingCanaryProperties canary = (LlmTracingCanaryProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.quality.canary");
		if (canary.getInterval() == null || canary.getInterval().compareTo(Duration.ofSeconds(1)) < 0) {
			checks.reject("interval", "interval must be a duration of at least 1s; set a duration such as 15m");
		}
		checks.notNegative("initialDelay", "initial-delay", canary.getInitialDelay(), "30s");
		if (canary.getFile() == null || canary.getFile().isBlank()) {
			checks.reject("file", "file must name a YAML file; set a location such as classpath:llm-canaries.yml");
		}
	}

}
