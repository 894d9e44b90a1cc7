package dev.llmtracing.sample.zipkin;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import dev.llmtracing.sample.support.SampleApp;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app exports its spans to a Zipkin that is not there (a closed port): the
 * calls still answer, and the failed exports are counted as failures of the component
 * {@code span-exporter}, in the bean and in the Prometheus scrape.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.export.zipkin.enabled=true", "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms",
				"sample.log.json-file=target/span-export-failures-it.json" })
class SpanExportFailuresIT {

	@LocalServerPort
	private int port;

	@Autowired
	private InstrumentationFailures failures;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		SampleApp.standInOnFreePort(registry);
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("management.tracing.export.zipkin.endpoint",
				() -> "http://127.0.0.1:" + closedPort + "/api/v2/spans");
	}

	@Test
	void callsAnswerWhileTheTraceBackendIsDownAndTheFailedExportsAreCounted() {
		long before = this.failures.count(InstrumentedComponent.SPAN_EXPORTER);
		for (int i = 0; i < 3; i++) {
			ResponseEntity<String> response = SampleApp.post(SampleApp.client(this.port), "/chat",
					"Hello while Zipkin is down " + i, "span-export-" + i, null, null);
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getBody()).isNotBlank();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.failures.count(InstrumentedComponent.SPAN_EXPORTER)).as("failed span exports")
						.isPositive());
		String scrape = SampleApp.client(this.port).get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).containsPattern(
				"llm_tracing_instrumentation_failures_total\\{[^}]*component=\"span-exporter\"[^}]*\\} [1-9]");
	}

}
