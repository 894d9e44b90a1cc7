package dev.llmtracing.record;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.LevelFilter;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.AppenderAttachable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * What a record logger's events reach, as {@link BootStructuredLogShortcut} needs to know
 * it: the encoders of its appenders, and whether anything besides them (a filter, a turbo
 * filter, a customization of Boot's structured logging) could tell the two ways apart.
 *
 * @author llm-tracing
 */
final class StructuredLogTargets {

	private static final Set<String> BOOT_FORMATS = Set.of("ecs", "logstash", "gelf");

	private static final String CUSTOMIZER = "org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer";

	private static final String METRICS_TURBO_FILTER = "io.micrometer.core.instrument.binder.logging.MetricsTurboFilter";

	private static final String[] CUSTOMIZATIONS = { "include", "exclude", "customizer" };

	private StructuredLogTargets() {
	}

	/**
	 * Whether a turbo filter only counts events by level, as Micrometer's
	 * {@code LogbackMetrics} does: it sees nothing the shortcut changes (a turbo filter
	 * could read the MDC, which the shortcut leaves empty).
	 */
	static boolean isCounting(TurboFilter filter) {
		return filter.getClass().getName().equals(METRICS_TURBO_FILTER);
	}

	static boolean isCustomized(LoggerContext context) {
		if (!(context.getObject(Environment.class.getName()) instanceof Environment environment)) {
			return true;
		}
		Binder binder = Binder.get(environment);
		for (String name : CUSTOMIZATIONS) {
			if (binder.bind("logging.structured.json." + name, Bindable.listOf(String.class)).isBound()) {
				return true;
			}
		}
		if (binder.bind("logging.structured.json.rename", Bindable.mapOf(String.class, String.class)).isBound()) {
			return true;
		}
		for (String output : List.of("console", "file")) {
			String format = binder.bind("logging.structured.format." + output, String.class).orElse(null);
			if (format != null && !BOOT_FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return hasFactoriesCustomizer();
	}

	/**
	 * Whether a {@code StructuredLoggingJsonMembersCustomizer} is registered in
	 * {@code META-INF/spring.factories}: its value processors would see rendered values.
	 */
	private static boolean hasFactoriesCustomizer() {
		try {
			return PropertiesLoaderUtils
				.loadAllProperties("META-INF/spring.factories", StructuredLogTargets.class.getClassLoader())
				.containsKey(CUSTOMIZER);
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * Collect the encoders of every appender the logger's events reach.
	 * @return {@code false} if one of them is anything but Boot's encoder behind an
	 * output-stream appender without filters
	 */
	static boolean collectEncoders(Logger start, List<StructuredLogEncoder> encoders) {
		LoggerContext context = start.getLoggerContext();
		String root = org.slf4j.Logger.ROOT_LOGGER_NAME;
		String name = start.getName();
		while (true) {
			Logger logger = (name.equals(root)) ? context.getLogger(root) : context.exists(name);
			if (logger != null) {
				if (!collectEncoders(logger.iteratorForAppenders(), encoders)) {
					return false;
				}
				if (!logger.isAdditive()) {
					return true;
				}
			}
			if (name.equals(root)) {
				return true;
			}
			int separator = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
			name = (separator > 0) ? name.substring(0, separator) : root;
		}
	}

	private static boolean collectEncoders(Iterator<Appender<ILoggingEvent>> appenders,
			List<StructuredLogEncoder> encoders) {
		while (appenders.hasNext()) {
			Appender<ILoggingEvent> appender = appenders.next();
			if (!appender.getCopyOfAttachedFiltersList().stream().allMatch(StructuredLogTargets::isLevelFilter)) {
				return false;
			}
			if (appender instanceof OutputStreamAppender<ILoggingEvent> stream && stream.getEncoder() != null
					&& stream.getEncoder().getClass() == StructuredLogEncoder.class) {
				encoders.add((StructuredLogEncoder) stream.getEncoder());
			}
			else if (appender instanceof AppenderAttachable<?> attachable) {
				@SuppressWarnings("unchecked")
				Iterator<Appender<ILoggingEvent>> attached = ((AppenderAttachable<ILoggingEvent>) attachable)
					.iteratorForAppenders();
				if (!collectEncoders(attached, encoders)) {
					return false;
				}
			}
			else {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a filter looks at nothing but the level, as the threshold filter Spring
	 * Boot puts on its console and file appenders does: it treats both events alike.
	 */
	private static boolean isLevelFilter(Filter<ILoggingEvent> filter) {
		return filter.getClass() == ThresholdFilter.class || filter.getClass() == LevelFilter.class;
	}

}
