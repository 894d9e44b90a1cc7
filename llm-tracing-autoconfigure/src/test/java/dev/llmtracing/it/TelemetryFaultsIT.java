package dev.llmtracing.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.read.ListAppender;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.testsupport.StandInModel;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Telemetry faults over real HTTP: while a user {@link ExchangeListener} blocks forever
 * and the span exporter hangs, every call still answers, unchanged, and the health says
 * {@code DEGRADED} (HTTP 200, never {@code DOWN}); once the listener lets go, a throwing
 * listener, a meter filter that throws for llm-tracing's meters, a record appender that
 * throws, a record file on a full disk ({@code /dev/full}) and an audit directory that
 * cannot be created never fail a call either, and the failures are counted by component.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = { CaptureTestApplication.class, TelemetryFaultsIT.Faults.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms", "llm.tracing.record.queue-capacity=4",
				"llm.tracing.audit.enabled=true", "management.endpoints.web.exposure.include=health",
				"management.endpoint.health.show-components=always", "management.endpoint.health.show-details=always" })
class TelemetryFaultsIT {

	@RegisterExtension
	static final StandInModel standIn = new StandInModel();

	static final CountDownLatch listenerBlocked = new CountDownLatch(1);

	static final CountDownLatch releaseListener = new CountDownLatch(1);

	static final CountDownLatch releaseExporter = new CountDownLatch(1);

	private static final Logger recordLogger = (Logger) LoggerFactory.getLogger("llm.tracing.exchange");

	@LocalServerPort
	private int port;

	@Autowired
	private InstrumentationFailures failures;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		StandInModelIT.openAiProperties(registry::add, () -> standIn.server().getBaseUrl());
		Path blocker = Files.createTempFile("llm-audit-blocker", ".txt");
		registry.add("llm.tracing.audit.file", () -> blocker.resolve("audit.jsonl").toString());
	}

	@AfterAll
	static void letGo() {
		releaseListener.countDown();
		releaseExporter.countDown();
		recordLogger.detachAndStopAllAppenders();
	}

	@Test
	void callsNeverWaitOnTelemetryNorFailWithItAndTheFailuresAreCounted() throws Exception {
		ListAppender<ILoggingEvent> written = brokenRecordAppenders();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
		// Generous: a cold JVM on a busy machine can be slow; what is asserted is that
		// the answers arrive while the listener is blocked, not how fast
		requestFactory.setReadTimeout(Duration.ofSeconds(60));
		RestClient client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.requestFactory(requestFactory)
			.build();
		assertThat(post(client, "/call", "Hello faults").getBody()).isEqualTo("Stand-in reply to: Hello faults");
		assertThat(listenerBlocked.await(10, TimeUnit.SECONDS)).as("the listener is blocked").isTrue();
		for (int i = 0; i < 4; i++) {
			assertThat(post(client, "/call", "Call " + i).getBody()).isEqualTo("Stand-in reply to: Call " + i);
			assertThat(post(client, "/direct", "Direct " + i).getBody()).isEqualTo("Stand-in reply to: Direct " + i);
			assertThat(post(client, "/direct-stream", "Stream " + i).getBody()).contains("Stream");
			assertThat(post(client, "/tools", "Time in Kyoto " + i).getBody()).contains("12:00 in Kyoto");
		}
		assertThat(releaseListener.getCount()).as("every answer arrived while the listener was blocked").isOne();
		Map<String, Object> health = health(client);
		assertThat(health).containsEntry("status", "DEGRADED");
		assertThat(((Number) details(health).get("recordsDropped")).longValue()).isPositive();
		releaseListener.countDown();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(count(InstrumentedComponent.AUDIT)).isPositive());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(count(InstrumentedComponent.EXCHANGE_LISTENER))
				.as("throwing listener, metrics behind the throwing meter filter, throwing appender")
				.isGreaterThanOrEqualTo(3 * count(InstrumentedComponent.AUDIT)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(count(InstrumentedComponent.LOG_APPENDER))
				.as("the record file on the full disk, reported to Logback's status")
				.isPositive());
		assertThat(post(client, "/call", "After").getBody()).isEqualTo("Stand-in reply to: After");
		Map<String, Object> after = health(client);
		assertThat(after).containsEntry("status", "DEGRADED");
		assertThat(details(after).get("failures")).asString()
			.contains("audit=")
			.contains("exchange-listener=")
			.contains("log-appender=");
		assertThat(written.list).as("records reached the appender after the one on the full disk").isNotEmpty();
		assertThat(releaseExporter.getCount()).as("the span exporter still hangs").isOne();
	}

	private static ResponseEntity<String> post(RestClient client, String path, String body) {
		return client.post().uri(path).contentType(MediaType.TEXT_PLAIN).body(body).retrieve().toEntity(String.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> health(RestClient client) {
		ResponseEntity<Map> response = client.get().uri("/actuator/health/llmTracing").retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("DEGRADED answers 200").isEqualTo(200);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Map<String, Object> health) {
		return (Map<String, Object>) health.get("details");
	}

	private long count(InstrumentedComponent component) {
		return this.failures.count(component);
	}

	/**
	 * Give the record logger a file appender on a full disk, then an appender that
	 * throws, then one that collects what got through (Spring Boot resets the loggers
	 * when the application starts, so this runs after).
	 */
	private static ListAppender<ILoggingEvent> brokenRecordAppenders() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(recordLogger.getLoggerContext());
		encoder.setPattern("%msg%n");
		encoder.start();
		FileAppender<ILoggingEvent> fullDisk = new FileAppender<>();
		fullDisk.setContext(recordLogger.getLoggerContext());
		fullDisk.setName("full-disk");
		fullDisk.setFile("/dev/full");
		fullDisk.setEncoder(encoder);
		fullDisk.setImmediateFlush(true);
		fullDisk.start();
		ListAppender<ILoggingEvent> written = new ListAppender<>();
		written.setContext(recordLogger.getLoggerContext());
		written.start();
		recordLogger.addAppender(fullDisk);
		recordLogger.addAppender(written);
		recordLogger.addAppender(throwingAppender());
		return written;
	}

	private static Appender<ILoggingEvent> throwingAppender() {
		ListAppender<ILoggingEvent> delegate = new ListAppender<>();
		return new ch.qos.logback.core.AppenderBase<>() {

			@Override
			public void doAppend(ILoggingEvent event) {
				throw new IllegalStateException("appender broken");
			}

			@Override
			protected void append(ILoggingEvent event) {
				delegate.doAppend(event);
			}

		};
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Faults {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		ExchangeListener blockingListener() {
			return (record) -> {
				listenerBlocked.countDown();
				awaitQuietly(releaseListener);
			};
		}

		@Bean
		ExchangeListener throwingListener() {
			return (record) -> {
				throw new IllegalStateException("listener broken");
			};
		}

		@Bean
		MeterFilter throwingMeterFilter() {
			return new MeterFilter() {

				@Override
				public Meter.Id map(Meter.Id id) {
					if (id.getName().startsWith("llm.client.")) {
						throw new IllegalStateException("registry broken");
					}
					return id;
				}

			};
		}

		@Bean
		SpanExporter hangingSpanExporter() {
			return new SpanExporter() {

				@Override
				public CompletableResultCode export(Collection<SpanData> spans) {
					awaitQuietly(releaseExporter);
					return CompletableResultCode.ofFailure();
				}

				@Override
				public CompletableResultCode flush() {
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode shutdown() {
					return CompletableResultCode.ofSuccess();
				}

			};
		}

		private static void awaitQuietly(CountDownLatch latch) {
			try {
				latch.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
