package dev.llmtracing.autoconfigure;

import dev.llmtracing.support.InstrumentationFailures;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;

/**
 * Puts a {@link CountingSpanExporter} around each exporter of Spring Boot's
 * {@link SpanExporters}, the list its batch span processor exports to.
 *
 * @author llm-tracing
 */
final class CountingSpanExporters implements BeanPostProcessor {

	private final ObjectProvider<InstrumentationFailures> failures;

	CountingSpanExporters(ObjectProvider<InstrumentationFailures> failures) {
		this.failures = failures;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SpanExporters exporters) {
			InstrumentationFailures failures = this.failures.getObject();
			return SpanExporters.of(exporters.list()
				.stream()
				.map((exporter) -> (exporter instanceof CountingSpanExporter) ? exporter
						: new CountingSpanExporter(exporter, failures))
				.toList());
		}
		return bean;
	}

}
