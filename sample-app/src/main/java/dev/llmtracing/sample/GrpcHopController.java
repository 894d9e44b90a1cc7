package dev.llmtracing.sample;

import java.util.concurrent.atomic.AtomicReference;

import dev.llmtracing.sample.grpc.ChatRequest;
import dev.llmtracing.sample.grpc.ChatServiceGrpc;
import io.grpc.ManagedChannel;

import org.springframework.context.event.EventListener;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small gRPC client in the sample: {@code POST /grpc/chat} asks the sample's own gRPC
 * chat service through a channel from Spring gRPC's {@link GrpcChannelFactory}, so
 * llm-tracing's client interceptor sends the HTTP caller's IDs as metadata and the trace
 * continues into the gRPC call.
 *
 * @author llm-tracing
 */
@RestController
class GrpcHopController {

	private final GrpcChannelFactory channels;

	private final AtomicReference<ChatServiceGrpc.ChatServiceBlockingStub> stub = new AtomicReference<>();

	private volatile int grpcPort;

	GrpcHopController(GrpcChannelFactory channels) {
		this.channels = channels;
	}

	@EventListener
	void grpcServerStarted(GrpcServerStartedEvent event) {
		this.grpcPort = event.getPort();
	}

	/**
	 * Ask the gRPC chat service.
	 * @param message the user's message
	 * @return the answer of the gRPC service
	 */
	@PostMapping(path = "/grpc/chat", consumes = MediaType.ALL_VALUE)
	String chat(@RequestBody String message) {
		return stub().chat(ChatRequest.newBuilder().setMessage(message).build()).getText();
	}

	private ChatServiceGrpc.ChatServiceBlockingStub stub() {
		return this.stub.updateAndGet((current) -> {
			if (current != null) {
				return current;
			}
			ManagedChannel channel = this.channels.createChannel("localhost:" + this.grpcPort);
			return ChatServiceGrpc.newBlockingStub(channel);
		});
	}

}
