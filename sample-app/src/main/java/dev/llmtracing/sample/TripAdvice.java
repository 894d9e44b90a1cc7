package dev.llmtracing.sample;

import java.util.List;

/**
 * The answer of the trip endpoint, shaped from the model's JSON output.
 *
 * @param destination the place the advice is about
 * @param advice what to do there
 * @param highlights a few things not to miss
 * @author llm-tracing
 */
record TripAdvice(String destination, String advice, List<String> highlights) {

}
