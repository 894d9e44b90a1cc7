package dev.llmtracing.autoconfigure.request;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.stage.StageContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Adds the stages, tool executions (Spring AI's tool-calling observation) and retrievals
 * (Spring AI's embedding and vector-store observations) of a running request to its
 * timeline; the request is found by the request ID of the thread that starts the
 * observation or, on a thread without one (the tool of a streamed tool loop), by the IDs
 * of the observations above it. Model calls come from the exchange records instead; their
 * start, which tells the request to wait for their record, is found by the IDs that the
 * exchange observation handler (registered before this one) put in the observation's
 * context, as a streamed tool loop's second round can start on a thread without the
 * request's IDs.
 *
 * @author llm-tracing
 */
final class RequestPartObservationHandler implements ObservationHandler<Observation.Context> {

	private static final String MODEL_CONTEXT = "org.springframework.ai.chat.observation.ChatModelObservationContext";

	private static final String TOOL_CONTEXT = "org.springframework.ai.tool.observation.ToolCallingObservationContext";

	private static final String EMBEDDING_CONTEXT = "org.springframework.ai.embedding.observation.EmbeddingModelObservationContext";

	private static final String VECTOR_STORE_CONTEXT = "org.springframework.ai.vectorstore.observation.VectorStoreObservationContext";

	private final RequestTracker tracker;

	private final IdScopes idScopes;

	/**
	 * Create a handler.
	 * @param tracker follows the running requests
	 * @param idScopes reads the request ID of the current thread
	 */
	RequestPartObservationHandler(RequestTracker tracker, IdScopes idScopes) {
		this.tracker = tracker;
		this.idScopes = idScopes;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return part(context) != null || isModelCall(context);
	}

	@Override
	public void onStart(Observation.Context context) {
		if (isModelCall(context)) {
			if (this.tracker.isFollowing()) {
				TracingIds ids = context.get(TracingIds.class);
				this.tracker.modelCallStarted((ids != null) ? ids.requestId() : this.idScopes.currentRequestId());
			}
			return;
		}
		Part part = part(context);
		if (part == null) {
			return;
		}
		String key = (context instanceof StageContext stage) ? stage.getStageTag() : part.key();
		if (!this.tracker.isFollowing()) {
			return;
		}
		Activity activity = this.tracker.begin(requestId(context), part, key);
		if (activity != null) {
			context.put(Activity.class, activity);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		Activity activity = context.get(Activity.class);
		if (activity != null) {
			activity.end(System.nanoTime());
		}
	}

	private @Nullable String requestId(Observation.Context context) {
		String current = this.idScopes.currentRequestId();
		if (current != null) {
			return current;
		}
		TracingIds ids = ParentObservationIds.find(context);
		return (ids != null) ? ids.requestId() : null;
	}

	/**
	 * Whether the observation is a chat model call, whose time comes from its exchange
	 * record: its start only tells the request to wait for that record.
	 */
	private static boolean isModelCall(Observation.Context context) {
		return MODEL_CONTEXT.equals(context.getClass().getName());
	}

	static @Nullable Part part(Observation.Context context) {
		if (context instanceof StageContext) {
			return Part.STAGE;
		}
		String type = context.getClass().getName();
		if (TOOL_CONTEXT.equals(type)) {
			return Part.TOOL;
		}
		if (EMBEDDING_CONTEXT.equals(type) || VECTOR_STORE_CONTEXT.equals(type)) {
			return Part.RETRIEVAL;
		}
		return null;
	}

}
