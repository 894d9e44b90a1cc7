package dev.llmtracing.support;

import java.util.Locale;

/**
 * The parts of llm-tracing whose failures {@link InstrumentationFailures} counts, each a
 * value of the {@code component} tag of {@code llm.tracing.instrumentation.failures}.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public enum InstrumentedComponent {

	/**
	 * Capturing a model call and building its record.
	 */
	CAPTURE,

	/**
	 * The {@code ChatClient} advisor.
	 */
	ADVISOR,

	/**
	 * Enriching the model observation.
	 */
	ENRICHER,

	/**
	 * A listener of finished exchanges, such as the JSON record logger.
	 */
	EXCHANGE_LISTENER,

	/**
	 * Masking captured content.
	 */
	REDACTOR,

	/**
	 * Adding the IDs to outgoing requests.
	 */
	PROPAGATION,

	/**
	 * Linking the HTTP span of a streaming model call to the model span.
	 */
	STREAM_LINK,

	/**
	 * Following an inbound request for its request record.
	 */
	REQUEST,

	/**
	 * Writing the audit trail.
	 */
	AUDIT,

	/**
	 * Naming the quality signals of an exchange.
	 */
	QUALITY,

	/**
	 * Recording feedback: its record, meters and evaluation span.
	 */
	FEEDBACK,

	/**
	 * A Logback appender that reported an error, such as a log file on a full or
	 * read-only disk.
	 */
	LOG_APPENDER,

	/**
	 * An OpenTelemetry span exporter whose export failed, such as a Zipkin or OTLP
	 * endpoint that is down.
	 */
	SPAN_EXPORTER;

	/**
	 * Return the tag value, such as {@code exchange-listener}.
	 * @return the tag value
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
