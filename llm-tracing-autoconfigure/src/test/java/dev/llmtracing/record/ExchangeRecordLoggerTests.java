package dev.llmtracing.record;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.llmtracing.context.MdcKeys;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExchangeRecordLogger}: the fields it writes, and that they come out as
 * top-level JSON fields with logstash-logback-encoder and with Spring Boot's structured
 * logging.
 *
 * @author llm-tracing
 */
class ExchangeRecordLoggerTests {

	private static final String LOGGER = "test.exchange";

	private final ExchangeRecordLogger recordLogger = new ExchangeRecordLogger(LOGGER, MdcKeys.DEFAULT);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Logger logger;

	@BeforeEach
	void attach() {
		this.logger = (Logger) LoggerFactory.getLogger(LOGGER);
		this.appender.setContext(this.logger.getLoggerContext());
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void detach() {
		this.logger.detachAppender(this.appender);
		MDC.clear();
	}

	@Test
	void shouldWriteFactsAsKeyValuesAndIdsAsMdc() {
		this.recordLogger.onExchange(TestRecords.complete());
		ILoggingEvent event = single();
		assertThat(event.getMDCPropertyMap()).containsEntry("exchangeId", "ex-1")
			.containsEntry("requestId", "req-1")
			.containsEntry("contextId", "ctx-1")
			.containsEntry("userId", "user-1")
			.containsEntry("traceId", "trace-1")
			.containsEntry("spanId", "span-1");
		Map<String, Object> fields = keyValues(event);
		assertThat(fields).containsEntry("gen_ai.operation.name", "chat")
			.containsEntry("gen_ai.provider.name", "openai")
			.containsEntry("gen_ai.request.model", "gpt-4o-mini")
			.containsEntry("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
			.containsEntry("gen_ai.request.temperature", 0.7)
			.containsEntry("gen_ai.request.top_p", 0.9)
			.containsEntry("gen_ai.request.max_tokens", 256)
			.containsEntry("gen_ai.request.stream", true)
			.containsEntry("gen_ai.response.id", "chatcmpl-1")
			.containsEntry("gen_ai.response.finish_reasons", List.of("stop", "length"))
			.containsEntry("gen_ai.usage.input_tokens", 12)
			.containsEntry("gen_ai.usage.output_tokens", 34)
			.containsEntry("gen_ai.conversation.id", "conv-1")
			.containsEntry("llm.prompt.name", "support")
			.containsEntry("llm.prompt.version", "v3")
			.containsEntry("durationMs", 1234.567)
			.containsEntry("outcome", "success")
			.doesNotContainKey("error.type");
		assertThat(event.getFormattedMessage())
			.isEqualTo("chat gpt-4o-mini-2024-07-18 stream success in 1234.6 ms, tokens 12 in / 34 out");
	}

	@Test
	void shouldLeaveOutFieldsWithoutValue() {
		this.recordLogger.onExchange(TestRecords.minimal());
		ILoggingEvent event = single();
		assertThat(event.getMDCPropertyMap()).containsOnlyKeys("exchangeId");
		assertThat(keyValues(event)).containsOnlyKeys("recordVersion", "gen_ai.operation.name", "gen_ai.request.stream",
				"startTime", "durationMs", "outcome", "error.type");
		assertThat(event.getFormattedMessage()).isEqualTo("chat ? call error in 5.0 ms, error java.io.IOException");
	}

	@Test
	void shouldLeaveWriterThreadMdcEmpty() {
		this.recordLogger.onExchange(TestRecords.complete());
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void shouldWriteTopLevelJsonFieldsWithLogstashEncoder() {
		this.recordLogger.onExchange(TestRecords.complete());
		LogstashEncoder encoder = new LogstashEncoder();
		encoder.setContext(this.logger.getLoggerContext());
		encoder.start();
		Map<String, Object> json = parse(encoder.encode(single()));
		assertTopLevelRecord(json);
		assertThat(json).containsEntry("gen_ai.request.model", "gpt-4o-mini")
			.containsEntry("gen_ai.usage.input_tokens", 12);
	}

	@Test
	void shouldWriteFieldsWithBootLogstashStructuredFormat() {
		this.recordLogger.onExchange(TestRecords.complete());
		Map<String, Object> json = parse(bootEncoder("logstash").encode(single()));
		assertTopLevelRecord(json);
		assertThat(json).containsEntry("gen_ai.request.model", "gpt-4o-mini")
			.containsEntry("gen_ai.usage.input_tokens", 12);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldWriteFieldsWithBootEcsStructuredFormat() {
		this.recordLogger.onExchange(TestRecords.complete());
		Map<String, Object> json = parse(bootEncoder("ecs").encode(single()));
		assertThat(json).containsEntry("exchangeId", "ex-1").containsEntry("requestId", "req-1");
		Map<String, Object> genAi = (Map<String, Object>) json.get("gen_ai");
		assertThat((Map<String, Object>) genAi.get("request")).containsEntry("model", "gpt-4o-mini")
			.containsEntry("temperature", 0.7);
		assertThat((Map<String, Object>) genAi.get("usage")).containsEntry("input_tokens", 12);
		assertThat((Map<String, Object>) genAi.get("response")).containsEntry("finish_reasons",
				List.of("stop", "length"));
		assertThat(json).containsEntry("durationMs", 1234.567).containsEntry("outcome", "success");
	}

	private void assertTopLevelRecord(Map<String, Object> json) {
		assertThat(json).containsEntry("exchangeId", "ex-1")
			.containsEntry("requestId", "req-1")
			.containsEntry("contextId", "ctx-1")
			.containsEntry("userId", "user-1")
			.containsEntry("gen_ai.request.temperature", 0.7)
			.containsEntry("gen_ai.response.finish_reasons", List.of("stop", "length"))
			.containsEntry("gen_ai.request.stream", true)
			.containsEntry("durationMs", 1234.567)
			.containsEntry("outcome", "success");
	}

	private StructuredLogEncoder bootEncoder(String format) {
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		LoggerContext context = this.logger.getLoggerContext();
		context.putObject(org.springframework.core.env.Environment.class.getName(),
				new MockEnvironment().withProperty("spring.application.name", "test"));
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.start();
		return encoder;
	}

	private ILoggingEvent single() {
		assertThat(this.appender.list).hasSize(1);
		return this.appender.list.get(0);
	}

	private static Map<String, Object> keyValues(ILoggingEvent event) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		for (KeyValuePair pair : event.getKeyValuePairs()) {
			assertThat(fields).doesNotContainKey(pair.key);
			fields.put(pair.key, pair.value);
		}
		return fields;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(byte[] json) {
		return JsonMapper.builder().build().readValue(new String(json, StandardCharsets.UTF_8), Map.class);
	}

}
