package dev.llmtracing.stage;

import dev.llmtracing.stage.StageObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link StageObservationConvention}: observation
 * {@value StageObservationDocumentation#NAME}, span {@code stage <name>}, key values
 * {@code stage} and {@code outcome}.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public class DefaultStageObservationConvention implements StageObservationConvention {

	@Override
	public String getName() {
		return StageObservationDocumentation.NAME;
	}

	@Override
	public String getContextualName(StageContext context) {
		return "stage " + context.getStageName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(StageContext context) {
		return KeyValues.of(LowCardinalityKeyNames.STAGE.withValue(context.getStageTag()),
				LowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome()));
	}

}
