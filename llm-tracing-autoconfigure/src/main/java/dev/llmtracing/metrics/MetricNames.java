package dev.llmtracing.metrics;

import dev.llmtracing.stage.StageObservationDocumentation;

/**
 * The names of the meters llm-tracing registers or configures.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class MetricNames {

	/** Spring AI's timer of model calls, given histogram buckets here. */
	public static final String OPERATION = "gen_ai.client.operation";

	/** Timer of the time to the first chunk of streamed answers. */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/** Counter of model calls by outcome and finish reason. */
	public static final String EXCHANGES = "llm.client.exchanges";

	/** Counter of the cost of model calls, in the currency of the price table. */
	public static final String COST = "llm.client.cost";

	/** Counter of model calls whose model has no price. */
	public static final String UNPRICED = "llm.client.unpriced";

	/** Counter of successful model calls whose provider reported no token usage. */
	public static final String USAGE_UNREPORTED = "llm.client.usage.unreported";

	/** Counter of IDs rejected as invalid. */
	public static final String IDS_REJECTED = "llm.tracing.ids.rejected";

	/** Counter of records dropped because the queue was full. */
	public static final String RECORDS_DROPPED = "llm.tracing.records.dropped";

	/** Gauge of records waiting to be written. */
	public static final String RECORDS_QUEUED = "llm.tracing.records.queued";

	/** Counter of failures inside the instrumentation, by component. */
	public static final String INSTRUMENTATION_FAILURES = "llm.tracing.instrumentation.failures";

	/** Counter of records that could not be written to the audit trail. */
	public static final String AUDIT_FAILURES = "llm.tracing.audit.failures";

	/** Timer of stages, from their observation. */
	public static final String STAGE_DURATION = StageObservationDocumentation.NAME;

	/** Counter of stage calls tagged 'other' because of the limit of distinct names. */
	public static final String STAGE_NAMES_FOLDED = "llm.stage.names.folded";

	/** Timer of inbound requests, by route and outcome. */
	public static final String REQUEST_DURATION = "llm.request.duration";

	/** Timer of the time of inbound requests in each part, by route and part. */
	public static final String REQUEST_PART_DURATION = "llm.request.part.duration";

	/** Counter of exchanges by quality signal. */
	public static final String QUALITY_SIGNAL = "llm.quality.signal";

	/** Counter of canary runs by canary name and result. */
	public static final String QUALITY_CANARY = "llm.quality.canary";

	/** Counter of feedback by name and label. */
	public static final String FEEDBACK = "llm.feedback";

	/** Distribution summary of the values of feedback, by name. */
	public static final String FEEDBACK_SCORE = "llm.feedback.score";

	private MetricNames() {
	}

}
