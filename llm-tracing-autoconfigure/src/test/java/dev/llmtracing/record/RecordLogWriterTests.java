package dev.llmtracing.record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import dev.llmtracing.context.MdcKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordLogWriter}: with Spring Boot's structured logging it writes the
 * same line the cheaper way, and the standard way wherever that is not shown to give the
 * same line.
 *
 * @author llm-tracing
 */
class RecordLogWriterTests {

	private static final String LOGGER = "test.record.writer";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private Logger logger;

	private LoggerContext context;

	private OutputStreamAppender<ILoggingEvent> appender;

	@BeforeEach
	void attach() {
		this.logger = (Logger) LoggerFactory.getLogger(LOGGER);
		this.context = this.logger.getLoggerContext();
		this.logger.setAdditive(false);
		environment(new MockEnvironment().withProperty("spring.application.name", "test"));
	}

	@AfterEach
	void detach() {
		this.logger.detachAndStopAllAppenders();
		this.logger.setAdditive(true);
		MDC.clear();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ecs", "logstash", "gelf" })
	void shouldWriteTheSameLineAsTheStandardWay(String format) {
		append(structured(format));
		RecordLogWriter shortcut = new RecordLogWriter(LOGGER);
		RecordLogWriter standard = new RecordLogWriter(LOGGER, false);
		ExchangeContent content = new ExchangeContent("full", null,
				List.of(Map.of("role", "user", "parts",
						List.of(Map.of("type", "text", "content",
								"say \"hi\"\n\u0002" + "plain ".repeat(500) + "\u007f\u0085\u2028 é\\ end\t")))),
				null, true, null, null);
		for (ExchangeRecord record : List.of(TestRecords.complete(), TestRecords.minimal(),
				TestRecords.withContent(content))) {
			String viaShortcut = line(shortcut, record);
			String viaStandard = line(standard, record);
			assertThat(withoutTimestamp(viaShortcut)).isEqualTo(withoutTimestamp(viaStandard));
		}
		assertThat(shortcut.isShortcutOn()).isTrue();
		assertThat(standard.isShortcutOn()).isFalse();
	}

	@Test
	void shouldGroupFieldsForEcsAndRenderValuesForLogstash() {
		Logger decisions = (Logger) LoggerFactory.getLogger(RecordLogWriter.class);
		ListAppender<ILoggingEvent> said = new ListAppender<>();
		said.setContext(this.context);
		said.start();
		decisions.addAppender(said);
		decisions.setLevel(Level.DEBUG);
		try {
			append(structured("ecs"));
			assertThat(new BootStructuredLogShortcut(this.logger).isOn()).isTrue();
			this.logger.detachAndStopAllAppenders();
			append(structured("logstash"));
			assertThat(new BootStructuredLogShortcut(this.logger).isOn()).isTrue();
		}
		finally {
			decisions.detachAppender(said);
			decisions.setLevel(null);
		}
		assertThat(said.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly(
					"Records on '" + LOGGER + "' go to Spring Boot's structured logging already rendered (GROUPED)",
					"Records on '" + LOGGER + "' go to Spring Boot's structured logging already rendered (VALUES)");
		assertThat(RenderedFields.pairs(RenderedFields.Shape.GROUPED, Map.of("requestId", "req-1"),
				Map.of("gen_ai.request.model", "m")))
			.extracting((pair) -> pair.key)
			.containsExactly("requestId", "gen_ai");
		assertThat(RenderedFields.pairs(RenderedFields.Shape.VALUES, Map.of("requestId", "req-1"),
				Map.of("gen_ai.request.model", "m")))
			.extracting((pair) -> pair.key)
			.containsExactly("requestId", "gen_ai.request.model");
	}

	@Test
	void shouldWriteTheStandardWayToAPlainTextPattern() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%X{requestId} %kvp %msg%n");
		encoder.start();
		append(encoder);
		RecordLogWriter writer = new RecordLogWriter(LOGGER);
		writer.write(Map.of("requestId", "req-1"), Map.of("outcome", "success"), "done");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("req-1 outcome=\"success\" done\n");
		assertThat(writer.isShortcutOn()).isFalse();
	}

	@Test
	void shouldWriteTheStandardWayWhenAnotherAppenderReadsTheEvents() {
		append(structured("ecs"));
		ListAppender<ILoggingEvent> list = listAppender();
		RecordLogWriter writer = new RecordLogWriter(LOGGER);
		writer.write(Map.of("requestId", "req-1"), Map.of("outcome", "success"), "done");
		assertThat(writer.isShortcutOn()).isFalse();
		assertThat(list.list).singleElement().satisfies((event) -> {
			assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-1");
			assertThat(event.getKeyValuePairs()).singleElement().satisfies((pair) -> {
				assertThat(pair.key).isEqualTo("outcome");
				assertThat(pair.value).isEqualTo("success");
			});
		});
	}

	@Test
	void shouldWriteTheStandardWayThroughAnAppenderWithAFilterOnMoreThanTheLevel() {
		append(structured("ecs"));
		this.appender.addFilter(new Filter<>() {
			@Override
			public FilterReply decide(ILoggingEvent event) {
				return event.getMDCPropertyMap().containsKey("requestId") ? FilterReply.NEUTRAL : FilterReply.DENY;
			}
		});
		assertThat(new RecordLogWriter(LOGGER).isShortcutOn()).isFalse();
	}

	@Test
	void shouldTakeTheShortcutThroughTheThresholdFilterOfBootsAppenders() {
		append(structured("ecs"));
		ThresholdFilter filter = new ThresholdFilter();
		filter.setLevel("TRACE");
		filter.start();
		this.appender.addFilter(filter);
		assertThat(new RecordLogWriter(LOGGER).isShortcutOn()).isTrue();
	}

	@Test
	void shouldWriteTheStandardWayWhenFieldsAreExcluded() {
		environment(new MockEnvironment().withProperty("logging.structured.json.exclude", "gen_ai.request.seed"));
		append(structured("ecs"));
		assertThat(new RecordLogWriter(LOGGER).isShortcutOn()).isFalse();
	}

	@Test
	void shouldLookAgainAfterLogbackIsReconfigured() {
		append(structured("ecs"));
		BootStructuredLogShortcut shortcut = new BootStructuredLogShortcut(this.logger);
		assertThat(shortcut.isOn()).isTrue();
		this.logger.detachAndStopAllAppenders();
		ListAppender<ILoggingEvent> list = listAppender();
		assertThat(shortcut.isOn()).isTrue();
		shortcut.onReset(this.context);
		assertThat(shortcut.isOn()).isFalse();
		this.logger.detachAndStopAllAppenders();
		append(structured("ecs"));
		assertThat(shortcut.isOn()).isFalse();
		shortcut.onStart(this.context);
		assertThat(shortcut.isOn()).isTrue();
	}

	@Test
	void shouldTurnOffWhenARecordDoesNotComeOutTheSame() {
		append(structured("ecs"));
		RecordLogWriter writer = new RecordLogWriter(LOGGER);
		assertThat(writer.isShortcutOn()).isTrue();
		Object changing = differentEachTime();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("changing", changing);
		writer.write(Map.of("requestId", "req-1"), facts, "done");
		assertThat(writer.isShortcutOn()).isFalse();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("\"requestId\":\"req-1\"")
			.contains("\"changing\":\"call-");
	}

	@Test
	void shouldCheckTheFirstRecordWithNewFieldNames() {
		append(structured("ecs"));
		RecordLogWriter writer = new RecordLogWriter(LOGGER);
		writer.write(Map.of("requestId", "req-1"), Map.of("outcome", "success"), "first");
		assertThat(writer.isShortcutOn()).isTrue();
		Object changing = differentEachTime();
		writer.write(Map.of("requestId", "req-2"), Map.of("outcome", "success", "changing", changing), "second");
		assertThat(writer.isShortcutOn()).isFalse();
	}

	@Test
	void shouldWriteTheStandardWayWithACustomFormat() {
		environment(new MockEnvironment().withProperty("logging.structured.format.console", "com.example.MyFormatter"));
		append(structured("ecs"));
		assertThat(new RecordLogWriter(LOGGER).isShortcutOn()).isFalse();
	}

	@Test
	void shouldLeaveTheMdcEmpty() {
		append(structured("ecs"));
		new RecordLogWriter(LOGGER).write(Map.of("requestId", "req-1"), Map.of("outcome", "success"), "done");
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("\"requestId\":\"req-1\"");
	}

	/**
	 * A value whose text differs each time it is read, so that the two ways of writing a
	 * record that holds it never give the same line.
	 */
	private static Object differentEachTime() {
		AtomicInteger reads = new AtomicInteger();
		return new Object() {
			@Override
			public String toString() {
				return "call-" + reads.incrementAndGet();
			}
		};
	}

	private ListAppender<ILoggingEvent> listAppender() {
		ListAppender<ILoggingEvent> list = new ListAppender<>();
		list.setContext(this.context);
		list.start();
		this.logger.addAppender(list);
		return list;
	}

	private String line(RecordLogWriter writer, ExchangeRecord record) {
		this.out.reset();
		writer.write(ExchangeRecordFields.ids(record, MdcKeys.DEFAULT), ExchangeRecordFields.facts(record),
				ExchangeRecordLogger.summary(record));
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private static String withoutTimestamp(String line) {
		assertThat(line).endsWith("\n").contains("exchangeId");
		return line.replaceAll("\"(@timestamp|timestamp)\":\"?[0-9TZ:.\\-]+\"?", "");
	}

	private StructuredLogEncoder structured(String format) {
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(this.context);
		encoder.setFormat(format);
		encoder.start();
		return encoder;
	}

	private void append(Encoder<ILoggingEvent> encoder) {
		this.appender = new OutputStreamAppender<>();
		this.appender.setContext(this.context);
		this.appender.setEncoder(encoder);
		this.appender.setOutputStream(this.out);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	private void environment(Environment environment) {
		this.context.putObject(Environment.class.getName(), environment);
	}

}
