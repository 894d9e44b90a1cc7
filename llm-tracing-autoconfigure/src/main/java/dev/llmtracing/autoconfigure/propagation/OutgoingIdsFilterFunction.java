package dev.llmtracing.autoconfigure.propagation;

import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Applies the {@link OutgoingIds} policy to requests of {@code WebClient}. The IDs are
 * read when the request is made, so Reactor's automatic context propagation must be on
 * when the request is made on another thread than the caller's.
 *
 * @author llm-tracing
 */
final class OutgoingIdsFilterFunction implements ExchangeFilterFunction {

	private final OutgoingIds outgoingIds;

	private final InstrumentationFailures failures;

	/**
	 * Create a filter function.
	 * @param outgoingIds the policy
	 * @param failures counts failures of the policy, which never fail the request
	 */
	OutgoingIdsFilterFunction(OutgoingIds outgoingIds, InstrumentationFailures failures) {
		this.outgoingIds = outgoingIds;
		this.failures = failures;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		ClientRequest filtered = request;
		try {
			filtered = ClientRequest.from(request)
				.headers((headers) -> this.outgoingIds.apply(request.url(), headers))
				.build();
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.PROPAGATION, ex);
		}
		return next.exchange(filtered);
	}

}
