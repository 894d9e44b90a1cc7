package dev.llmtracing.record;

/**
 * The names of the fields of a JSON exchange record. The IDs are camel case, like the MDC
 * keys of Spring Boot's tracing ({@code traceId}); the facts of the call are named after
 * the OpenTelemetry GenAI semantic conventions. The keys that llm-tracing adds to the
 * model observation ({@code observation.ModelObservationDocumentation}) take their names
 * from here where the record holds the same fact, so that each name is spelled once.
 *
 * @author llm-tracing
 */
public final class ExchangeFields {

	/** The version of the record's JSON schema. */
	public static final String RECORD_VERSION = "recordVersion";

	/** The content mode that captured the content: {@code digest} or {@code full}. */
	public static final String CONTENT_MODE = "llm.content.mode";

	/** The digests and lengths of the system prompt, user messages and completion. */
	public static final String CONTENT_DIGEST = "llm.content.digest";

	/** The tools offered to the model. */
	public static final String TOOL_DEFINITIONS = "gen_ai.tool.definitions";

	/** The encrypted messages: algorithm, key ID, nonce and ciphertext. */
	public static final String CONTENT_ENCRYPTED = "llm.content.encrypted";

	/** Whether content was truncated or omitted to respect the size caps. */
	public static final String CONTENT_TRUNCATED = "llm.content.truncated";

	/** The input messages, masked and truncated. */
	public static final String INPUT_MESSAGES = "gen_ai.input.messages";

	/** The output messages, masked and truncated. */
	public static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

	/** The exchange ID of the exchange that this one replays. */
	public static final String REPLAY_OF = "llm.replay.of";

	/**
	 * The quality signals of the exchange, such as {@code truncated} or {@code refusal};
	 * absent when there are none.
	 */
	public static final String QUALITY_SIGNALS = "llm.quality.signals";

	/** The ID of the model call. */
	public static final String EXCHANGE_ID = "exchangeId";

	/** The trace ID. */
	public static final String TRACE_ID = "traceId";

	/** The ID of the model call's span. */
	public static final String SPAN_ID = "spanId";

	/** The operation, such as {@code chat}. */
	public static final String OPERATION_NAME = "gen_ai.operation.name";

	/** The provider, such as {@code openai}. */
	public static final String PROVIDER_NAME = "gen_ai.provider.name";

	/** The model that was asked for. */
	public static final String REQUEST_MODEL = "gen_ai.request.model";

	/** The model that answered. */
	public static final String RESPONSE_MODEL = "gen_ai.response.model";

	/** The requested temperature. */
	public static final String REQUEST_TEMPERATURE = "gen_ai.request.temperature";

	/** The requested top-p. */
	public static final String REQUEST_TOP_P = "gen_ai.request.top_p";

	/** The requested maximum number of output tokens. */
	public static final String REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens";

	/** The requested seed, where the model's options have one. */
	public static final String REQUEST_SEED = "gen_ai.request.seed";

	/** The requested stop sequences. */
	public static final String REQUEST_STOP_SEQUENCES = "gen_ai.request.stop_sequences";

	/** The requested top-k. */
	public static final String REQUEST_TOP_K = "gen_ai.request.top_k";

	/** The requested frequency penalty. */
	public static final String REQUEST_FREQUENCY_PENALTY = "gen_ai.request.frequency_penalty";

	/** The requested presence penalty. */
	public static final String REQUEST_PRESENCE_PENALTY = "gen_ai.request.presence_penalty";

	/** Whether the call was a stream. */
	public static final String REQUEST_STREAM = "gen_ai.request.stream";

	/** The provider's ID of the response. */
	public static final String RESPONSE_ID = "gen_ai.response.id";

	/** The finish reason of each choice. */
	public static final String RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";

	/** The number of input tokens. */
	public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";

	/** The number of output tokens. */
	public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

	/** {@code false} when a successful call had no token usage reported; else absent. */
	public static final String USAGE_REPORTED = "llm.usage.reported";

	/** The chat memory conversation ID. */
	public static final String CONVERSATION_ID = "gen_ai.conversation.id";

	/** The name of the prompt template. */
	public static final String PROMPT_NAME = "llm.prompt.name";

	/** The version of the prompt template. */
	public static final String PROMPT_VERSION = "llm.prompt.version";

	/** When the call started, ISO-8601. */
	public static final String START_TIME = "startTime";

	/** How long the call took, in milliseconds. */
	public static final String DURATION_MS = "durationMs";

	/** The time to the first chunk of a stream, in milliseconds. */
	public static final String TIME_TO_FIRST_CHUNK_MS = "timeToFirstChunkMs";

	/** The cost of the call. */
	public static final String COST_AMOUNT = "llm.cost.amount";

	/** The currency of the cost. */
	public static final String COST_CURRENCY = "llm.cost.currency";

	/** How the call ended: {@code success}, {@code error} or {@code cancelled}. */
	public static final String OUTCOME = "outcome";

	/** The type of the error. */
	public static final String ERROR_TYPE = "error.type";

	private ExchangeFields() {
	}

}
