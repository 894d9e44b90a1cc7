package dev.llmtracing.redact;

/**
 * Masks what must not be kept from a text. Declare a bean of this type to add your own
 * rules (a dictionary of names, customer numbers); it runs after the built-in detectors.
 * Implementations must be thread-safe and should be fast; an exception makes llm-tracing
 * drop the whole text rather than keep it unmasked.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@FunctionalInterface
public interface Redactor {

	/**
	 * Return the text with every sensitive part replaced by a placeholder.
	 * @param text the text
	 * @return the masked text
	 */
	String redact(String text);

}
