package dev.llmtracing.autoconfigure.propagation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Puts the HTTP span of a streaming OpenAI call under its model span. When a model
 * observation whose prompt carries a {@link StreamLinkHeader} marker starts, the handler
 * remembers it under the marker until it stops (a later model call with the same marker
 * replaces it). When an OkHttp observation starts for a request with that marker, the
 * handler makes the model observation its parent and removes the header from the request
 * that is about to be sent.
 * <p>
 * The marker is part of the request itself, so the link cannot attach one request's HTTP
 * span to another request's model span, whatever threads the SDK uses. The handler must
 * run before the tracing handlers, which read the parent when the span starts.
 *
 * @author llm-tracing
 */
final class StreamSpanLinkHandler implements ObservationHandler<Observation.Context> {

	private static final int MAX_OPEN_LINKS = 10_000;

	private static final Duration MAX_LINK_AGE = Duration.ofMinutes(10);

	private final Map<String, OpenLink> open = new ConcurrentHashMap<>();

	private final InstrumentationFailures failures;

	private final int maxOpenLinks;

	private final long maxLinkAgeNanos;

	private final LongSupplier nanoTime;

	/**
	 * Create a handler.
	 * @param failures counts failures of the handler
	 */
	StreamSpanLinkHandler(InstrumentationFailures failures) {
		this(failures, MAX_OPEN_LINKS, MAX_LINK_AGE, System::nanoTime);
	}

	StreamSpanLinkHandler(InstrumentationFailures failures, int maxOpenLinks, Duration maxLinkAge,
			LongSupplier nanoTime) {
		this.failures = failures;
		this.maxOpenLinks = maxOpenLinks;
		this.maxLinkAgeNanos = maxLinkAge.toNanos();
		this.nanoTime = nanoTime;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof OkHttpContext || context instanceof ChatModelObservationContext;
	}

	@Override
	public void onStart(Observation.Context context) {
		try {
			if (context instanceof OkHttpContext http) {
				link(http);
			}
			else if (context instanceof ChatModelObservationContext model) {
				remember(model);
			}
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.STREAM_LINK, ex);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		try {
			if (context instanceof ChatModelObservationContext model) {
				String marker = StreamLinkHeader.markerOf(model.getRequest().getOptions());
				if (marker != null) {
					this.open.computeIfPresent(marker, (key, link) -> (link.model() == model) ? null : link);
				}
			}
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.STREAM_LINK, ex);
		}
	}

	private void remember(ChatModelObservationContext model) {
		String marker = StreamLinkHeader.markerOf(model.getRequest().getOptions());
		if (marker == null) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		if (this.open.size() >= this.maxOpenLinks) {
			this.open.values().removeIf((link) -> now - link.startedNanos() > this.maxLinkAgeNanos);
			if (this.open.size() >= this.maxOpenLinks) {
				this.failures.record(InstrumentedComponent.STREAM_LINK, new IllegalStateException(
						"More than " + this.maxOpenLinks + " streams are open; not linking this one"));
				return;
			}
		}
		this.open.put(marker, new OpenLink(model, now));
	}

	private void link(OkHttpContext http) {
		Request request = http.getOriginalRequest();
		String marker = (request != null) ? request.header(StreamLinkHeader.NAME) : null;
		if (marker == null) {
			return;
		}
		Request.Builder carrier = http.getCarrier();
		if (carrier != null) {
			carrier.removeHeader(StreamLinkHeader.NAME);
		}
		OpenLink link = this.open.get(marker);
		if (link != null) {
			http.setParentObservation(new ModelObservationView(link.model()));
		}
	}

	/**
	 * Return the number of model observations that are open and carry a marker.
	 * @return the number of open links
	 */
	int openLinks() {
		return this.open.size();
	}

	/**
	 * A model observation that is open, and when it started. Links older than the maximum
	 * age are dropped only when the handler is full: a model observation that never stops
	 * (which only a failure elsewhere can cause) must not switch linking off for good.
	 */
	private record OpenLink(Observation.ContextView model, long startedNanos) {

	}

	/**
	 * A read-only view of a model observation: all a tracing handler needs to find the
	 * model span.
	 */
	private record ModelObservationView(Observation.ContextView context) implements ObservationView {

		@Override
		public Observation.ContextView getContextView() {
			return this.context;
		}

	}

}
