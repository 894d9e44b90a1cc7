package dev.llmtracing.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes every log event of the application, as logstash-logback-encoder's JSON lines, to
 * a file, the way an application that ships its logs would. The exchange and request
 * records go to that file only, so that a load test does not flood the console.
 *
 * @author llm-tracing
 */
final class JsonLogFile implements AutoCloseable {

	private static final List<String> RECORD_LOGGERS = List.of("llm.tracing.exchange", "llm.tracing.request");

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final FileAppender<ILoggingEvent> appender = new FileAppender<>() {

		@Override
		protected void subAppend(ILoggingEvent event) {
			super.subAppend(event);
			JsonLogFile.this.counts.computeIfAbsent(event.getLoggerName(), (name) -> new AtomicInteger())
				.incrementAndGet();
		}

	};

	private JsonLogFile(Path file) {
		LogstashEncoder encoder = new LogstashEncoder();
		encoder.setContext(this.context);
		encoder.setIncludeContext(false);
		encoder.start();
		this.appender.setName("json-log-file");
		this.appender.setContext(this.context);
		this.appender.setFile(file.toString());
		this.appender.setAppend(false);
		this.appender.setEncoder(encoder);
		this.appender.start();
		this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
		for (String name : RECORD_LOGGERS) {
			Logger logger = this.context.getLogger(name);
			logger.addAppender(this.appender);
			logger.setAdditive(false);
		}
	}

	/**
	 * Start writing the application's log events to a file, replacing it.
	 * @param file the file
	 * @return the attached log file, to close when done
	 * @throws IOException if the file's folder cannot be made
	 */
	static JsonLogFile attach(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		return new JsonLogFile(file);
	}

	/**
	 * Return how many events of a logger were written so far.
	 * @param loggerName the logger name
	 * @return the number of events written
	 */
	int count(String loggerName) {
		AtomicInteger count = this.counts.get(loggerName);
		return (count != null) ? count.get() : 0;
	}

	@Override
	public void close() {
		for (String name : RECORD_LOGGERS) {
			Logger logger = this.context.getLogger(name);
			logger.detachAppender(this.appender);
			logger.setAdditive(true);
		}
		this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this.appender);
		this.appender.stop();
	}

	/**
	 * Read a file of JSON lines, asserting that every line is one JSON object.
	 * @param file the file
	 * @return the objects, in order
	 * @throws IOException if the file cannot be read
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> read(Path file) throws IOException {
		JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		List<Map<String, Object>> objects = new ArrayList<>();
		int number = 0;
		for (String line : Files.readAllLines(file)) {
			number++;
			JsonNode node = mapper.readTree(line);
			assertThat(node.isObject()).as("line %d of %s is one JSON object: %s", number, file, line).isTrue();
			objects.add(mapper.treeToValue(node, Map.class));
		}
		return objects;
	}

}
