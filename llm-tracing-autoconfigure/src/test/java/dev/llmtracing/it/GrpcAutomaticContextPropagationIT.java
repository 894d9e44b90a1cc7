package dev.llmtracing.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests a gRPC streaming service in an application that switched on Reactor's automatic
 * context propagation: there the Reactor context, not the thread, is the source of
 * thread-local values inside operators, so a stream subscribed without
 * {@code contextCapture()} keeps the IDs that the interceptor set on the calling thread
 * only in its record (noted when the stream is subscribed), not on the log lines inside
 * its operators, and one subscribed with it keeps them in both.
 *
 * @author llm-tracing
 */
@org.springframework.boot.test.context.SpringBootTest(classes = GrpcTestApplication.class,
		webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.main.web-application-type=none", "spring.grpc.server.port=0",
				"spring.grpc.server.address=127.0.0.1", "spring.reactor.context-propagation=auto" })
class GrpcAutomaticContextPropagationIT extends StandInModelIT {

	private ManagedChannel channel;

	@AfterAll
	static void restoreContextPropagation() {
		// Boot switched on a global Reactor hook for this context; later test classes in
		// this JVM expect Boot's default
		Hooks.disableAutomaticContextPropagation();
	}

	@BeforeEach
	void open() {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", GrpcTestApplication.port.get())
			.usePlaintext()
			.build();
		standIn.server().reset();
		capture.clear();
	}

	@AfterEach
	void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void streamWithContextCaptureKeepsTheIdsInTheRecordAndOnEveryTokenLine() {
		stream(GrpcTestApplication.STREAM_CAPTURED, "captured-1 tell me a story", "req-auto-1");
		assertThat(awaitRecord()).containsEntry("requestId", "req-auto-1").containsEntry("userId", "erin");
		assertThat(lines("token captured-1")).hasSizeGreaterThan(2)
			.allSatisfy((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-auto-1")
				.containsEntry("userId", "erin"));
	}

	@Test
	void streamWithoutContextCaptureKeepsTheIdsInTheRecordOnly() {
		stream(GrpcTestApplication.STREAM, "plain-1 tell me a story", "req-auto-2");
		// the ChatClient observation notes them when the stream is subscribed, on the
		// call's thread; inside the operators the empty Reactor context rules
		assertThat(awaitRecord()).containsEntry("requestId", "req-auto-2").containsEntry("userId", "erin");
		assertThat(lines("token plain-1")).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.getMDCPropertyMap()).doesNotContainKey("requestId"));
	}

	private Map<String, Object> awaitRecord() {
		await().atMost(Duration.ofSeconds(30)).until(() -> !capture.records().isEmpty());
		return capture.records().get(0);
	}

	private List<ILoggingEvent> lines(String marker) {
		return capture.events()
			.stream()
			.filter((event) -> event.getLoggerName().equals(GrpcTestApplication.LOGGER_NAME))
			.filter((event) -> event.getFormattedMessage().contains(marker))
			.toList();
	}

	private List<String> stream(MethodDescriptor<String, String> method, String message, String requestId) {
		Metadata metadata = new Metadata();
		metadata.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), requestId);
		metadata.put(Metadata.Key.of("x-user-id", Metadata.ASCII_STRING_MARSHALLER), "erin");
		Channel intercepted = ClientInterceptors.intercept(this.channel,
				MetadataUtils.newAttachHeadersInterceptor(metadata));
		List<String> tokens = new ArrayList<>();
		ClientCalls
			.blockingServerStreamingCall(intercepted, method,
					CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), message)
			.forEachRemaining(tokens::add);
		return tokens;
	}

}
