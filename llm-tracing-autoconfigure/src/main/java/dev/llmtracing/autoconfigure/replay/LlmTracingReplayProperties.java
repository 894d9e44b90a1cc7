package dev.llmtracing.autoconfigure.replay;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the replay of recorded exchanges.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.replay")
public class LlmTracingReplayProperties {

	/**
	 * JSON lines files in which the llmreplay endpoint looks for records (exchange log or
	 * audit trail); when empty, the audit trail file.
	 */
	private List<String> sources = new ArrayList<>();

	public List<String> getSources() {
		return this.sources;
	}

	public void setSources(List<String> sources) {
		this.sources = sources;
	}

}
