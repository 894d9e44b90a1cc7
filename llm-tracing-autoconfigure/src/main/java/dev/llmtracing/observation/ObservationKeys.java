package dev.llmtracing.observation;

/**
 * The keys that llm-tracing adds to Spring AI's {@code gen_ai.client.operation}
 * observation.
 *
 * @author llm-tracing
 */
public final class ObservationKeys {

	/** Low cardinality: the provider, as the GenAI conventions name it. */
	public static final String PROVIDER_NAME = "gen_ai.provider.name";

	/** Low cardinality: the exception class of a failed call, or {@code none}. */
	public static final String ERROR_TYPE = "error.type";

	/** Low cardinality: the bounded prompt name, or {@code none}. */
	public static final String PROMPT_NAME = "llm.prompt.name";

	/** Low cardinality: the bounded prompt version, or {@code none}. */
	public static final String PROMPT_VERSION = "llm.prompt.version";

	/** High cardinality: the conversation (chat memory conversation, else context ID). */
	public static final String CONVERSATION_ID = "gen_ai.conversation.id";

	/** High cardinality: the request ID. */
	public static final String REQUEST_ID = "llm.request.id";

	/** High cardinality: the user ID. */
	public static final String USER_ID = "llm.user.id";

	/** High cardinality: the exchange ID of the call's record. */
	public static final String EXCHANGE_ID = "llm.exchange.id";

	/** High cardinality: the exchange ID that a replayed call replays. */
	public static final String REPLAY_OF = "llm.replay.of";

	/** High cardinality, opt-in: the masked, capped input messages as JSON. */
	public static final String INPUT_MESSAGES = "gen_ai.input.messages";

	/** High cardinality, opt-in: the masked, capped output messages as JSON. */
	public static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

	private ObservationKeys() {
	}

}
