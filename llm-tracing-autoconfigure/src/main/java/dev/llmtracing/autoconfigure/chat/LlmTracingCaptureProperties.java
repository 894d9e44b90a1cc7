package dev.llmtracing.autoconfigure.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the capture of model calls.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.capture")
public class LlmTracingCaptureProperties {

	/**
	 * Whether to record every chat model call.
	 */
	private boolean enabled = true;

	/**
	 * Whether to add the tracing advisor to every ChatClient built from Spring's
	 * ChatClient.Builder, so that streams keep the caller's IDs.
	 */
	private boolean advisorEnabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAdvisorEnabled() {
		return this.advisorEnabled;
	}

	public void setAdvisorEnabled(boolean advisorEnabled) {
		this.advisorEnabled = advisorEnabled;
	}

}
