package dev.llmtracing.redact;

import java.util.List;

/**
 * Finds one kind of sensitive data in a text, in time linear in its length.
 *
 * @author llm-tracing
 */
interface Detector {

	/**
	 * Return the name of the detector, as used in properties.
	 * @return the name
	 */
	String name();

	/**
	 * Return whether the text might contain a match: a cheap pre-check that lets most
	 * texts skip the detector.
	 * @param text the text
	 * @return {@code false} if the text cannot contain a match
	 */
	boolean mightMatch(String text);

	/**
	 * Add every match in the text to the findings.
	 * @param text the text
	 * @param findings where to add matches
	 */
	void find(String text, List<Finding> findings);

}
