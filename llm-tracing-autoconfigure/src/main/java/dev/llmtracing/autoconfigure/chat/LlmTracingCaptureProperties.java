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
	 * Whether ChatClient calls and streams carry the caller's IDs to their model calls:
	 * through the tracing advisor, added to every ChatClient built from Spring's
	 * ChatClient.Builder when something reads exchange records (it also times a stream's
	 * first chunk), otherwise through an observation handler.
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
