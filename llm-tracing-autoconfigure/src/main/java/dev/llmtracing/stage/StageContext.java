package dev.llmtracing.stage;

import io.micrometer.observation.Observation;

/**
 * The context of a stage observation.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public class StageContext extends Observation.Context {

	private final String stageName;

	private final String stageTag;

	private volatile String outcome = "success";

	/**
	 * Create a context.
	 * @param stageName the name of the stage
	 * @param stageTag the name used as a metric tag: the name or {@code other}
	 */
	public StageContext(String stageName, String stageTag) {
		this.stageName = stageName;
		this.stageTag = stageTag;
	}

	/**
	 * Return the name of the stage.
	 * @return the name
	 */
	public String getStageName() {
		return this.stageName;
	}

	/**
	 * Return the name used as a metric tag.
	 * @return the name or {@code other}
	 */
	public String getStageTag() {
		return this.stageTag;
	}

	/**
	 * Return how the stage ended.
	 * @return {@code success}, {@code error} or {@code cancelled}
	 */
	public String getOutcome() {
		return this.outcome;
	}

	void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
