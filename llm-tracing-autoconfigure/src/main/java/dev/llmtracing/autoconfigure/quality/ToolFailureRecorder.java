package dev.llmtracing.autoconfigure.quality;

import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Wraps the application's {@link ToolExecutionExceptionProcessor}: when it turns a tool's
 * exception into a result for the model, the ID of the failed tool call is remembered in
 * {@link ToolFailures}. The ID is read from the tool observation that Spring AI keeps
 * open around the tool's execution; a tool call without an observation or an ID is not
 * remembered. What the delegate returns or throws is passed on untouched.
 *
 * @author llm-tracing
 */
final class ToolFailureRecorder implements ToolExecutionExceptionProcessor {

	private final ToolExecutionExceptionProcessor delegate;

	private final ObservationRegistry registry;

	private final ToolFailures toolFailures;

	private final InstrumentationFailures failures;

	ToolFailureRecorder(ToolExecutionExceptionProcessor delegate, ObservationRegistry registry,
			ToolFailures toolFailures, InstrumentationFailures failures) {
		this.delegate = delegate;
		this.registry = registry;
		this.toolFailures = toolFailures;
		this.failures = failures;
	}

	@Override
	public String process(ToolExecutionException exception) {
		String result = this.delegate.process(exception);
		try {
			Observation current = this.registry.getCurrentObservation();
			if (current != null && current.getContext() instanceof ToolCallingObservationContext tool) {
				this.toolFailures.failed(tool.getToolCallId());
			}
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.QUALITY, ex);
		}
		return result;
	}

}
