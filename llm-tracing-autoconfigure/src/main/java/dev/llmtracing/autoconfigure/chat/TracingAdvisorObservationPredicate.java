package dev.llmtracing.autoconfigure.chat;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Turns off the observation that Spring AI wraps around the {@link TracingAdvisor} on a
 * {@code ChatClient} call: an advisor observation is a span and a timer per call (and the
 * scope changes that go with them) for an advisor that only hands the IDs down, so
 * without it a call costs less and its trace shows only the application's own advisors.
 * <p>
 * Streams keep the observation: Spring AI puts a stream advisor's observation in the
 * Reactor context as the parent of everything inside it, and a disabled one there would
 * lose the parent of the model span. The observation is turned off only when the current
 * observation is the {@code ChatClient}'s call observation, that is when the advisor runs
 * on the caller's thread for {@code call()}.
 *
 * @author llm-tracing
 */
final class TracingAdvisorObservationPredicate implements ObservationPredicate {

	private final Supplier<ObservationRegistry> registry;

	/**
	 * Create a predicate.
	 * @param registry supplies the registry the predicate is applied to, for its current
	 * observation
	 */
	TracingAdvisorObservationPredicate(Supplier<ObservationRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (!(context instanceof AdvisorObservationContext advisor)
				|| !TracingAdvisor.NAME.equals(advisor.getAdvisorName())) {
			return true;
		}
		Observation current = this.registry.get().getCurrentObservation();
		return current == null || !(current.getContextView() instanceof ChatClientObservationContext client)
				|| client.isStream();
	}

}
