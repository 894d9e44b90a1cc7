package dev.llmtracing.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.llmtracing.sample.grpc.ChatReply;
import dev.llmtracing.sample.grpc.ChatRequest;
import dev.llmtracing.sample.grpc.ChatServiceGrpc;
import dev.llmtracing.sample.support.SampleApp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls the sample's gRPC chat service as the README's tour does: with generated stubs
 * from {@code chat.proto} over a real channel, and through the sample's own gRPC client
 * behind {@code POST /grpc/chat}, and reads the records in the JSON log file.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.log.json-file=target/sample-grpc-it.json")
class SampleGrpcIT {

	private static final Path jsonLog = SampleApp.freshLog(Path.of("target/sample-grpc-it.json"));

	private static final AtomicInteger grpcPort = new AtomicInteger();

	@LocalServerPort
	private int port;

	private ManagedChannel channel;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleApp.standInOnFreePort(registry);
	}

	@BeforeEach
	void open() {
		this.channel = ManagedChannelBuilder.forAddress("localhost", grpcPort.get()).usePlaintext().build();
	}

	@AfterEach
	void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void unaryAndStreamingCallsEchoTheRequestIdAndRecordTheCallerIds() throws IOException {
		AtomicReference<Metadata> headers = new AtomicReference<>();
		ChatServiceGrpc.ChatServiceBlockingStub stub = ChatServiceGrpc.newBlockingStub(this.channel)
			.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(ids("grpc-req-1", "grpc-ctx-1")),
					MetadataUtils.newCaptureMetadataInterceptor(headers, new AtomicReference<>()));
		ChatReply reply = stub.chat(ChatRequest.newBuilder().setMessage("Hello over gRPC").build());
		assertThat(reply.getText()).isEqualTo("Stand-in reply to: Hello over gRPC");
		assertThat(headers.get().get(key("x-request-id"))).isEqualTo("grpc-req-1");
		List<String> chunks = new ArrayList<>();
		ChatServiceGrpc.newBlockingStub(this.channel)
			.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(ids("grpc-req-2", "grpc-ctx-1")))
			.chatStream(ChatRequest.newBuilder().setMessage("Stream over gRPC").build())
			.forEachRemaining((chunk) -> chunks.add(chunk.getText()));
		assertThat(String.join("", chunks)).contains("Stream over gRPC");
		List<Map<String, Object>> records = awaitRecords("grpc-req-1", "grpc-req-2");
		assertThat(byRequest(records, "grpc-req-1")).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("contextId", "grpc-ctx-1")
				.containsEntry("gen_ai.request.stream", false));
		assertThat(byRequest(records, "grpc-req-2")).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("gen_ai.request.stream", true));
	}

	@Test
	void httpCallerIdsReachTheGrpcServiceThroughTheSamplesClient() throws IOException {
		String answer = SampleApp
			.post(SampleApp.client(this.port), "/grpc/chat", "Via gRPC", "http-req-1", "http-ctx-1", "ada")
			.getBody();
		assertThat(answer).isEqualTo("Stand-in reply to: Via gRPC");
		assertThat(byRequest(awaitRecords("http-req-1"), "http-req-1")).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("contextId", "http-ctx-1")
				.containsEntry("userId", "ada"));
	}

	private static Metadata ids(String requestId, String contextId) {
		Metadata metadata = new Metadata();
		metadata.put(key("x-request-id"), requestId);
		metadata.put(key("x-context-id"), contextId);
		return metadata;
	}

	private static Metadata.Key<String> key(String name) {
		return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
	}

	private static List<Map<String, Object>> byRequest(List<Map<String, Object>> records, String requestId) {
		return records.stream().filter((record) -> requestId.equals(record.get("requestId"))).toList();
	}

	private static List<Map<String, Object>> awaitRecords(String... requestIds) throws IOException {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			List<Map<String, Object>> records = SampleApp.exchangeRecords(jsonLog);
			return List.of(requestIds).stream().allMatch((id) -> !byRequest(records, id).isEmpty());
		});
		return SampleApp.exchangeRecords(jsonLog);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class GrpcPort {

		@EventListener
		void started(GrpcServerStartedEvent event) {
			grpcPort.set(event.getPort());
		}

	}

}
