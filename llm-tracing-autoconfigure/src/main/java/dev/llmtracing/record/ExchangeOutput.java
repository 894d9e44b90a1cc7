package dev.llmtracing.record;

import java.util.List;

/**
 * What a model answered in an exchange, whatever the content mode keeps of it in the
 * record: read by an {@link ExchangeSignalDetector} on the dispatcher's thread and never
 * written anywhere. Values that cost something to compute (digests) are computed on
 * demand.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public interface ExchangeOutput {

	/**
	 * Return the text of the first choice.
	 * @return the text, empty when there is none
	 */
	String completion();

	/**
	 * Return whether the answer called a tool.
	 * @return whether any choice has a tool call
	 */
	boolean hasToolCalls();

	/**
	 * Return the SHA-256 digest of every message of the prompt, in order.
	 * @return the digest in lower-case hexadecimal
	 */
	String promptDigest();

	/**
	 * Return the SHA-256 digest of the text of every choice, in order.
	 * @return the digest in lower-case hexadecimal
	 */
	String completionDigest();

	/**
	 * Return the tool call IDs of the tool results that end the prompt: the results this
	 * model round received from the tools the previous round called.
	 * @return the IDs, empty when the prompt does not end with tool results
	 */
	default List<String> toolResultIds() {
		return List.of();
	}

}
