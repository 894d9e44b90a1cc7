package dev.llmtracing.autoconfigure.propagation;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationHandlerGroup;

/**
 * Registers {@link StreamSpanLinkHandler} ahead of every other handler group, so that it
 * sets an HTTP observation's parent before the tracing handlers start its span.
 *
 * @author llm-tracing
 */
final class StreamSpanLinkHandlerGroup implements ObservationHandlerGroup {

	@Override
	public Class<?> handlerType() {
		return StreamSpanLinkHandler.class;
	}

	@Override
	public int compareTo(ObservationHandlerGroup other) {
		return (other instanceof StreamSpanLinkHandlerGroup) ? 0 : -1;
	}

}
