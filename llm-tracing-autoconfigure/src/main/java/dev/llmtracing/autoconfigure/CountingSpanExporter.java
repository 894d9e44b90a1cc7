package dev.llmtracing.autoconfigure;

import java.util.Collection;

import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A {@link SpanExporter} that counts the exports of the exporter it wraps that fail
 * (component {@code span-exporter}), such as a Zipkin or OTLP endpoint that is down. It
 * changes nothing else: the spans, the result and the batch processor's handling of a
 * failure stay the wrapped exporter's. An export that never completes (an endpoint that
 * hangs) is only counted when the exporter's own timeout fails it.
 *
 * @author llm-tracing
 */
final class CountingSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	private final InstrumentationFailures failures;

	CountingSpanExporter(SpanExporter delegate, InstrumentationFailures failures) {
		this.delegate = delegate;
		this.failures = failures;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		CompletableResultCode result;
		try {
			result = this.delegate.export(spans);
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.SPAN_EXPORTER, ex);
			return CompletableResultCode.ofExceptionalFailure(ex);
		}
		result.whenComplete(() -> {
			if (!result.isSuccess()) {
				Throwable cause = result.getFailureThrowable();
				this.failures.record(InstrumentedComponent.SPAN_EXPORTER,
						(cause != null) ? cause : new IllegalStateException("Span export failed"));
			}
		});
		return result;
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	SpanExporter delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "CountingSpanExporter[" + this.delegate + "]";
	}

}
