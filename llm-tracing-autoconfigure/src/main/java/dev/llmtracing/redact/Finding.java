package dev.llmtracing.redact;

/**
 * A part of a text to replace.
 *
 * @param start the index of its first character
 * @param end the index after its last character
 * @param placeholder what replaces it, such as {@code [EMAIL]}
 * @author llm-tracing
 */
record Finding(int start, int end, String placeholder) {

}
