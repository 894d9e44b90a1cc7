package dev.llmtracing.request;

/**
 * Told of every finished request record, off the caller's thread. Implementations must be
 * thread-safe; an exception they throw is counted and otherwise ignored.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@FunctionalInterface
public interface RequestListener {

	/**
	 * Called once for each finished request.
	 * @param record the record of the request
	 */
	void onRequest(RequestRecord record);

}
