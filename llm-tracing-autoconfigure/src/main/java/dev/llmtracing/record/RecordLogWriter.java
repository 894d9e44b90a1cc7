package dev.llmtracing.record;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.util.ClassUtils;

/**
 * Writes a record as one INFO event on its logger: the IDs as MDC entries, the facts as
 * SLF4J key-value pairs and a short summary as the message, so that every layout
 * (logstash-logback-encoder, Spring Boot's structured logging, a plain-text pattern with
 * {@code %X{requestId}}) shows them.
 * <p>
 * When everything the logger's events reach is written by Spring Boot's structured
 * logging encoder, the fields are handed to it already rendered as JSON, which writes the
 * same line at about two thirds of the cost (see {@link StructuredLogShortcut}).
 * <p>
 * Runs on the dispatcher's thread, whose MDC holds nothing else, and leaves it empty.
 *
 * @author llm-tracing
 */
public final class RecordLogWriter {

	private static final boolean SHORTCUT_POSSIBLE = isPresent("ch.qos.logback.classic.LoggerContext")
			&& isPresent("org.springframework.boot.logging.logback.StructuredLogEncoder");

	private final Logger logger;

	private final StructuredLogShortcut shortcut;

	/**
	 * Create a writer for a logger.
	 * @param loggerName the name of the logger to write to
	 */
	public RecordLogWriter(String loggerName) {
		this(loggerName, SHORTCUT_POSSIBLE);
	}

	RecordLogWriter(String loggerName, boolean shortcut) {
		this.logger = LoggerFactory.getLogger(loggerName);
		this.shortcut = (shortcut) ? StructuredLogShortcut.forLogger(this.logger) : StructuredLogShortcut.unavailable();
	}

	/**
	 * Whether records are written at all: the logger is enabled for INFO.
	 * @return whether a call to {@link #write} writes something
	 */
	public boolean isEnabled() {
		return this.logger.isInfoEnabled();
	}

	/**
	 * Write one record.
	 * @param ids the IDs, by MDC key
	 * @param facts the other fields, by name
	 * @param message the summary
	 */
	public void write(Map<String, String> ids, Map<String, Object> facts, String message) {
		if (!this.shortcut.write(ids, facts, message)) {
			writeStandard(ids, facts, message);
		}
	}

	private void writeStandard(Map<String, String> ids, Map<String, Object> facts, String message) {
		try {
			ids.forEach(MDC::put);
			LoggingEventBuilder event = this.logger.atInfo();
			facts.forEach(event::addKeyValue);
			event.log(message);
		}
		finally {
			MDC.clear();
		}
	}

	/**
	 * Whether the fields currently go to the encoder already rendered as JSON.
	 * @return whether the shortcut is on
	 */
	boolean isShortcutOn() {
		return this.shortcut.isOn();
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, RecordLogWriter.class.getClassLoader());
	}

}
