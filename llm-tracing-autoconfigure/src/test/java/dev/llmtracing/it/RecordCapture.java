package dev.llmtracing.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects every log event of the application and renders the exchange records as the
 * JSON that logstash-logback-encoder writes.
 *
 * @author llm-tracing
 */
final class RecordCapture implements AutoCloseable {

	private static final String EXCHANGE_LOGGER = "llm.tracing.exchange";

	private final AtomicInteger written = new AtomicInteger();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			super.append(event);
			if (EXCHANGE_LOGGER.equals(event.getLoggerName())) {
				RecordCapture.this.written.incrementAndGet();
			}
		}

	};

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final LogstashEncoder encoder = new LogstashEncoder();

	RecordCapture() {
		this.appender.setName("record-capture");
		this.appender.setContext(this.root.getLoggerContext());
		this.appender.start();
		this.encoder.setContext(this.root.getLoggerContext());
		this.encoder.start();
		attach();
	}

	/**
	 * Attach to the root logger again, as Spring Boot's logging system removes appenders
	 * when an application starts.
	 */
	void attach() {
		if (this.root.getAppender(this.appender.getName()) == null) {
			this.root.addAppender(this.appender);
		}
	}

	List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	List<Map<String, Object>> records() {
		return records("llm.tracing.exchange");
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> records(String loggerName) {
		List<Map<String, Object>> records = new ArrayList<>();
		for (ILoggingEvent event : events()) {
			if (loggerName.equals(event.getLoggerName())) {
				String json = new String(this.encoder.encode(event), StandardCharsets.UTF_8);
				records.add(JsonMapper.builder().build().readValue(json, Map.class));
			}
		}
		return records;
	}

	List<String> renderedLines() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : events()) {
			lines.add(new String(this.encoder.encode(event), StandardCharsets.UTF_8));
		}
		return lines;
	}

	/**
	 * Return how many exchange records were written since this capture was created,
	 * whether or not they were cleared since.
	 * @return the number of exchange records written
	 */
	int written() {
		return this.written.get();
	}

	void clear() {
		synchronized (this.appender) {
			this.appender.list.clear();
		}
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
	}

}
