package dev.llmtracing.autoconfigure;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CountingSpanExporter} and {@link CountingSpanExporters}.
 *
 * @author llm-tracing
 */
class CountingSpanExporterTests {

	private final InstrumentationFailures failures = new InstrumentationFailures();

	@Test
	void countsAFailedExportAndReturnsItsResult() {
		CompletableResultCode failed = new CompletableResultCode();
		CountingSpanExporter exporter = new CountingSpanExporter(exporting(failed), this.failures);
		CompletableResultCode result = exporter.export(List.of());
		assertThat(result).isSameAs(failed);
		assertThat(count()).isZero();
		failed.failExceptionally(new IOException("Connection refused"));
		assertThat(count()).isOne();
	}

	@Test
	void countsAnExporterThatThrows() {
		SpanExporter throwing = exporting(null);
		CompletableResultCode result = new CountingSpanExporter(throwing, this.failures).export(List.of());
		assertThat(result.isSuccess()).isFalse();
		assertThat(count()).isOne();
	}

	@Test
	void doesNotCountASuccessfulExport() {
		new CountingSpanExporter(exporting(CompletableResultCode.ofSuccess()), this.failures).export(List.of());
		assertThat(count()).isZero();
	}

	@Test
	void wrapsTheExportersOfBootsSpanExporters() {
		SpanExporter own = exporting(CompletableResultCode.ofSuccess());
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LlmTracingAutoConfiguration.class))
			.withBean(SpanExporters.class, () -> SpanExporters.of(own))
			.run((context) -> {
				List<SpanExporter> exporters = context.getBean(SpanExporters.class).list();
				assertThat(exporters).singleElement().isInstanceOf(CountingSpanExporter.class);
				assertThat(((CountingSpanExporter) exporters.get(0)).delegate()).isSameAs(own);
			});
	}

	private long count() {
		return this.failures.count(InstrumentedComponent.SPAN_EXPORTER);
	}

	private static SpanExporter exporting(CompletableResultCode result) {
		return new SpanExporter() {

			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				if (result == null) {
					throw new IllegalStateException("exporter broke");
				}
				return result;
			}

			@Override
			public CompletableResultCode flush() {
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode shutdown() {
				return CompletableResultCode.ofSuccess();
			}

		};
	}

}
