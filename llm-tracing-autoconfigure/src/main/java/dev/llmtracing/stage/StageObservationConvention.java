package dev.llmtracing.stage;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of stage observations; define a bean to change their
 * name or key values.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public interface StageObservationConvention extends ObservationConvention<StageContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof StageContext;
	}

}
