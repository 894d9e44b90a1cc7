package dev.llmtracing.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.MDCAdapter;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The {@link StructuredLogShortcut} of a Logback logger. It is on when every appender the
 * logger's events reach (along its additive parents, through async appenders) is an
 * output-stream appender with no filter but level filters whose encoder is Spring Boot's
 * {@link StructuredLogEncoder}, no turbo filter but Micrometer's counting one, the
 * formats set are Boot's own, no {@code logging.structured.json} include, exclude, rename
 * or customizer is set (nor a customizer in {@code spring.factories}: its value
 * processors would see rendered values), and each encoder writes a sample the same both
 * ways. Then the first record of each set of field names, and one in 1,024, is checked
 * the same way. Nested formats (ECS) get the fields grouped by the first part of their
 * names, flat ones (Logstash, GELF) get each value rendered.
 *
 * @author llm-tracing
 */
final class BootStructuredLogShortcut implements StructuredLogShortcut, LoggerContextListener {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(RecordLogWriter.class);

	private static final int VERIFY_EVERY = 1024;

	private static final int MAX_FIELD_NAME_SETS = 256;

	private final Logger logger;

	private volatile @Nullable Decision decision;

	private final AtomicLong writes = new AtomicLong();

	private final Set<Long> checkedFieldNames = ConcurrentHashMap.newKeySet();

	BootStructuredLogShortcut(Logger logger) {
		this.logger = logger;
	}

	@Override
	public boolean write(Map<String, String> ids, Map<String, Object> facts, String message) {
		Decision decision = decision();
		if (decision.shape == RenderedFields.Shape.OFF || !isMdcEmpty()) {
			return false;
		}
		List<KeyValuePair> pairs = RenderedFields.pairs(decision.shape, ids, facts);
		if (pairs == null) {
			return false;
		}
		if ((this.writes.getAndIncrement() % VERIFY_EVERY == 0 || isFirstOfItsFields(ids, facts))
				&& !writesTheSame(decision.encoders, ids, facts, pairs, message)) {
			log.debug("Records on '{}' are written the standard way: the encoder wrote one differently",
					this.logger.getName());
			this.decision = Decision.STANDARD;
			return false;
		}
		LoggingEventBuilder event = this.logger.atInfo();
		for (KeyValuePair pair : pairs) {
			event.addKeyValue(pair.key, pair.value);
		}
		event.log(message);
		return true;
	}

	/**
	 * Whether no record with the same field names was checked yet: a difference that
	 * depends on a field's name shows with the first record that has it.
	 */
	private boolean isFirstOfItsFields(Map<String, String> ids, Map<String, Object> facts) {
		long names = 17;
		for (String name : ids.keySet()) {
			names = 31 * names + name.hashCode();
		}
		for (String name : facts.keySet()) {
			names = 31 * names + name.hashCode();
		}
		return this.checkedFieldNames.size() < MAX_FIELD_NAME_SETS && this.checkedFieldNames.add(names);
	}

	@Override
	public boolean isOn() {
		return decision().shape != RenderedFields.Shape.OFF;
	}

	private Decision decision() {
		Decision decision = this.decision;
		if (decision == null) {
			decision = decide();
			this.decision = decision;
		}
		return decision;
	}

	private Decision decide() {
		LoggerContext context = this.logger.getLoggerContext();
		if (!context.getCopyOfListenerList().contains(this)) {
			context.addListener(this);
		}
		List<StructuredLogEncoder> encoders = new ArrayList<>();
		String standardBecause = (!context.getTurboFilterList().stream().allMatch(StructuredLogTargets::isCounting))
				? "a turbo filter is set"
				: StructuredLogTargets.isCustomized(context)
						? "logging.structured has a custom format, includes, excludes, renames or customizers"
						: (!StructuredLogTargets.collectEncoders(this.logger, encoders) || encoders.isEmpty())
								? "not every appender is Spring Boot's structured logging" : null;
		if (standardBecause == null) {
			for (RenderedFields.Shape shape : List.of(RenderedFields.Shape.GROUPED, RenderedFields.Shape.VALUES)) {
				List<KeyValuePair> pairs = RenderedFields.pairs(shape, Sample.IDS, Sample.FACTS);
				if (pairs != null && writesTheSame(encoders, Sample.IDS, Sample.FACTS, pairs, Sample.MESSAGE)) {
					log.debug("Records on '{}' go to Spring Boot's structured logging already rendered ({})",
							this.logger.getName(), shape);
					return new Decision(shape, List.copyOf(encoders));
				}
			}
			standardBecause = "the encoder writes a sample differently";
		}
		log.debug("Records on '{}' are written the standard way: {}", this.logger.getName(), standardBecause);
		return Decision.STANDARD;
	}

	private boolean isMdcEmpty() {
		MDCAdapter adapter = this.logger.getLoggerContext().getMDCAdapter();
		Map<String, String> mdc = (adapter instanceof LogbackMDCAdapter logback) ? logback.getPropertyMap()
				: adapter.getCopyOfContextMap();
		return mdc == null || mdc.isEmpty();
	}

	private boolean writesTheSame(List<StructuredLogEncoder> encoders, Map<String, String> ids,
			Map<String, Object> facts, List<KeyValuePair> pairs, String message) {
		Instant now = Instant.now();
		LoggingEvent standard = event(message, now);
		MDCAdapter mdc = this.logger.getLoggerContext().getMDCAdapter();
		try {
			ids.forEach(mdc::put);
			standard.getMDCPropertyMap();
		}
		finally {
			mdc.clear();
		}
		facts.forEach((name, value) -> standard.addKeyValuePair(new KeyValuePair(name, value)));
		LoggingEvent shortcut = event(message, now);
		shortcut.getMDCPropertyMap();
		pairs.forEach(shortcut::addKeyValuePair);
		try {
			for (StructuredLogEncoder encoder : encoders) {
				if (!Arrays.equals(encoder.encode(standard), encoder.encode(shortcut))) {
					return false;
				}
			}
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private LoggingEvent event(String message, Instant now) {
		LoggingEvent event = new LoggingEvent(BootStructuredLogShortcut.class.getName(), this.logger, Level.INFO,
				message, null, null);
		event.setInstant(now);
		event.setThreadName(Thread.currentThread().getName());
		return event;
	}

	@Override
	public boolean isResetResistant() {
		return false;
	}

	@Override
	public void onReset(LoggerContext context) {
		this.decision = null;
		this.writes.set(0);
		this.checkedFieldNames.clear();
	}

	/**
	 * Look again once Logback has been configured: a record written between a reset and
	 * the end of the new configuration saw no appenders.
	 */
	@Override
	public void onStart(LoggerContext context) {
		onReset(context);
	}

	@Override
	public void onStop(LoggerContext context) {
	}

	@Override
	public void onLevelChange(Logger logger, Level level) {
	}

	private record Decision(RenderedFields.Shape shape, List<StructuredLogEncoder> encoders) {

		static final Decision STANDARD = new Decision(RenderedFields.Shape.OFF, List.of());

	}

	/**
	 * A record with every kind of value, and strings with every kind of character that
	 * JSON escapes.
	 */
	private static final class Sample {

		static final String MESSAGE = "sample \"record\" \\ \t\n\u0001\u007f\u0085 é 😀";

		static final Map<String, String> IDS = Map.of("exchangeId", MESSAGE, "requestId", "req-1", "traceId",
				"4bf92f3577b34da6a3ce929d0e0e4736");

		static final Map<String, Object> FACTS = facts();

		private static Map<String, Object> facts() {
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("recordVersion", 1);
			facts.put("gen_ai.operation.name", "chat");
			facts.put("gen_ai.request.model", MESSAGE);
			facts.put("gen_ai.request.temperature", 0.7);
			facts.put("gen_ai.request.stream", true);
			facts.put("gen_ai.response.finish_reasons", List.of("stop", MESSAGE));
			facts.put("gen_ai.usage.input_tokens", 12L);
			facts.put("llm.cost.amount", new BigDecimal("0.00000012"));
			facts.put("durationMs", 1234.5);
			facts.put("breakdown", Map.of("model", 22, "other", 1));
			facts.put("gen_ai.input.messages", List.of(Map.of("role", "user", "parts", List.of(MESSAGE))));
			facts.put("outcome", "success");
			return facts;
		}

	}

}
