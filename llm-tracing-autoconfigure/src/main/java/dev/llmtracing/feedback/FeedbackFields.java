package dev.llmtracing.feedback;

/**
 * The names of the fields of a JSON feedback record that are not IDs. The IDs are named
 * as in the exchange record ({@code exchangeId}, the request, context and user ID keys,
 * {@code traceId} and {@code spanId} of the rated exchange), so that a log store joins
 * the two.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class FeedbackFields {

	/** The name of the feedback, such as {@code thumbs}. */
	public static final String NAME = "gen_ai.evaluation.name";

	/** The numeric value of the feedback. */
	public static final String SCORE_VALUE = "gen_ai.evaluation.score.value";

	/** The label of the feedback. */
	public static final String SCORE_LABEL = "gen_ai.evaluation.score.label";

	/** The masked, capped comment, only when content capture is on. */
	public static final String COMMENT = "llm.feedback.comment";

	/** Whether the rated exchange was in the index of recent exchanges. */
	public static final String LINKED = "llm.feedback.linked";

	/** The provider of the rated exchange. */
	public static final String PROVIDER_NAME = "gen_ai.provider.name";

	/** The model asked for in the rated exchange. */
	public static final String REQUEST_MODEL = "gen_ai.request.model";

	/** The model that answered in the rated exchange. */
	public static final String RESPONSE_MODEL = "gen_ai.response.model";

	/** The provider's ID of the rated response. */
	public static final String RESPONSE_ID = "gen_ai.response.id";

	/** The name of the prompt template of the rated exchange. */
	public static final String PROMPT_NAME = "llm.prompt.name";

	/** The version of the prompt template of the rated exchange. */
	public static final String PROMPT_VERSION = "llm.prompt.version";

	private FeedbackFields() {
	}

}
