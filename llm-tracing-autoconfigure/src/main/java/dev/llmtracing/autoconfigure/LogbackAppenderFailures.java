package dev.llmtracing.autoconfigure;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.recovery.ResilientOutputStreamBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Counts the errors that Logback's appenders report, such as a log file on a full or
 * read-only disk: the appenders catch their own I/O errors and report them only to
 * Logback's status, so the exchange records they lose would otherwise go unnoticed. Each
 * error is counted as component {@code log-appender}.
 *
 * @author llm-tracing
 */
final class LogbackAppenderFailures implements StatusListener, DisposableBean {

	private final InstrumentationFailures failures;

	private final @Nullable StatusManager statusManager;

	LogbackAppenderFailures(InstrumentationFailures failures) {
		this.failures = failures;
		this.statusManager = (LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
				? context.getStatusManager() : null;
		if (this.statusManager != null) {
			this.statusManager.add(this);
		}
	}

	@Override
	public void addStatusEvent(Status status) {
		if (status.getLevel() != Status.ERROR || !isAppender(status.getOrigin())) {
			return;
		}
		Throwable cause = status.getThrowable();
		this.failures.record(InstrumentedComponent.LOG_APPENDER,
				(cause != null) ? cause : new IllegalStateException(status.getMessage()));
	}

	/**
	 * Whether the status comes from an appender or from the file stream under one, which
	 * reports its own write errors (a full disk).
	 */
	private static boolean isAppender(@Nullable Object origin) {
		return origin instanceof Appender<?> || origin instanceof ResilientOutputStreamBase;
	}

	@Override
	public boolean isResetResistant() {
		return true;
	}

	@Override
	public void destroy() {
		if (this.statusManager != null) {
			this.statusManager.remove(this);
		}
	}

}
