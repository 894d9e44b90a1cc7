package dev.llmtracing.autoconfigure.request;

import dev.llmtracing.advisor.LlmTracingParams;
import dev.llmtracing.context.TracingIds;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.util.ClassUtils;

/**
 * Finds the IDs of an observation that starts on a thread without them, such as the tool
 * of a streamed tool loop, which Spring AI runs on Reactor's bounded elastic scheduler:
 * from the observations above it, either the IDs that the exchange observation handler
 * put on a model call's context or the ones that the tracing advisor put in the
 * {@code ChatClient} request of an advisor's observation.
 *
 * @author llm-tracing
 */
final class ParentObservationIds {

	private static final int MAX_DEPTH = 32;

	private static final boolean CHAT_CLIENT_PRESENT = ClassUtils.isPresent(
			"org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext",
			ParentObservationIds.class.getClassLoader());

	private ParentObservationIds() {
	}

	/**
	 * Return the IDs found above the given observation.
	 * @param context the context of the observation
	 * @return the IDs, or {@code null} if no observation above it has any
	 */
	static @Nullable TracingIds find(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
			Observation.ContextView view = parent.getContextView();
			TracingIds ids = view.get(TracingIds.class);
			if (ids == null && CHAT_CLIENT_PRESENT) {
				ids = AdvisorIds.of(view);
			}
			if (ids != null) {
				return ids;
			}
			parent = view.getParentObservation();
		}
		return null;
	}

	/**
	 * Reads the advisor's observation, in a class of its own that is loaded only when
	 * Spring AI's chat client is on the class path.
	 */
	private static final class AdvisorIds {

		static @Nullable TracingIds of(Observation.ContextView view) {
			if (view instanceof AdvisorObservationContext advisor
					&& advisor.getChatClientRequest().context().get(LlmTracingParams.IDS) instanceof TracingIds ids) {
				return ids;
			}
			return null;
		}

	}

}
