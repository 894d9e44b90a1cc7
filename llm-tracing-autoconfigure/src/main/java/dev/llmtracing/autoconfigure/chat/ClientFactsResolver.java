package dev.llmtracing.autoconfigure.chat;

import io.micrometer.observation.Observation;

/**
 * Finds the {@link ClientFacts} of a model call from its observation.
 *
 * @author llm-tracing
 */
@FunctionalInterface
interface ClientFactsResolver {

	/**
	 * A resolver for applications without {@code ChatClient}: no facts.
	 */
	ClientFactsResolver NONE = (context) -> ClientFacts.NONE;

	/**
	 * Return the facts of the model call observed by the given context.
	 * @param context the model observation's context
	 * @return the facts, {@link ClientFacts#NONE} when there are none
	 */
	ClientFacts resolve(Observation.Context context);

}
