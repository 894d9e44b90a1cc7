package dev.llmtracing.autoconfigure;

import java.io.IOException;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.WarnStatus;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogbackAppenderFailures}.
 *
 * @author llm-tracing
 */
class LogbackAppenderFailuresTests {

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final InstrumentationFailures failures = new InstrumentationFailures();

	private final LogbackAppenderFailures listener = new LogbackAppenderFailures(this.failures);

	@AfterEach
	void removeListener() {
		this.listener.destroy();
	}

	@Test
	void countsTheErrorsOfAppenders() {
		FileAppender<?> appender = new FileAppender<>();
		this.context.getStatusManager()
			.add(new ErrorStatus("IO failure in appender", appender, new IOException("No space left on device")));
		assertThat(this.failures.count(InstrumentedComponent.LOG_APPENDER)).isOne();
	}

	@Test
	void ignoresWarningsAndErrorsOfOtherOrigins() {
		this.context.getStatusManager().add(new WarnStatus("slow appender", new FileAppender<>()));
		this.context.getStatusManager().add(new ErrorStatus("bad configuration", this));
		assertThat(this.failures.count(InstrumentedComponent.LOG_APPENDER)).isZero();
	}

	@Test
	void stopsCountingWhenDestroyed() {
		this.listener.destroy();
		this.context.getStatusManager().add(new ErrorStatus("IO failure", new FileAppender<>(), new IOException()));
		assertThat(this.failures.count(InstrumentedComponent.LOG_APPENDER)).isZero();
	}

}
