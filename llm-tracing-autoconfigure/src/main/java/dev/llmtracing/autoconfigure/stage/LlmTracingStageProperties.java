package dev.llmtracing.autoconfigure.stage;

import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of stages.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.stages")
public class LlmTracingStageProperties implements Validator {

	/**
	 * Whether to observe methods annotated @LlmStage and blocks run by LlmStages.
	 */
	private boolean enabled = true;

	/**
	 * Maximum number of distinct stage names used as metric tags; further names are
	 * counted as 'other'.
	 */
	private int nameLimit = 50;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getNameLimit() {
		return this.nameLimit;
	}

	public void setNameLimit(int nameLimit) {
		this.nameLimit = nameLimit;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingStageProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingStageProperties stages = (LlmTracingStageProperties) target;
		PropertyChecks.of(errors, "llm.tracing.stages")
			.range("nameLimit", "name-limit", stages.getNameLimit(), 1, 1000);
	}

}
