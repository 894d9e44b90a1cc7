package dev.llmtracing.stage;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of a stage and its key names.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public enum StageObservationDocumentation implements ObservationDocumentation {

	/**
	 * A stage: a method annotated {@link LlmStage @LlmStage} or a block run by
	 * {@link LlmStages}.
	 */
	STAGE {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultStageObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	/**
	 * The name of the observation, and so of its timer.
	 */
	public static final String NAME = "llm.stage.duration";

	/**
	 * Low-cardinality key names of the stage observation.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The stage name, or {@code other} once the limit of distinct names is reached.
		 */
		STAGE {
			@Override
			public String asString() {
				return "stage";
			}
		},

		/** How the stage ended: {@code success}, {@code error} or {@code cancelled}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

}
