package dev.llmtracing.sample;

import dev.llmtracing.sample.grpc.ChatReply;
import dev.llmtracing.sample.grpc.ChatRequest;
import dev.llmtracing.sample.grpc.ChatServiceGrpc;
import io.grpc.stub.StreamObserver;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Service;

/**
 * The sample's gRPC chat service ({@code src/main/proto/chat.proto}), on its own port
 * ({@code spring.grpc.server.port}). llm-tracing's server interceptor reads the IDs from
 * the {@code x-request-id}, {@code x-context-id} and {@code x-user-id} metadata and
 * echoes the request ID, so the records of these calls carry the caller's IDs like those
 * of the HTTP endpoints.
 *
 * @author llm-tracing
 */
@Service
class GrpcChatService extends ChatServiceGrpc.ChatServiceImplBase {

	private final ChatClient chatClient;

	GrpcChatService(ChatClient chatClient) {
		this.chatClient = chatClient;
	}

	@Override
	public void chat(ChatRequest request, StreamObserver<ChatReply> responseObserver) {
		String text = this.chatClient.prompt().user(request.getMessage()).call().content();
		responseObserver.onNext(ChatReply.newBuilder().setText((text != null) ? text : "").build());
		responseObserver.onCompleted();
	}

	@Override
	public void chatStream(ChatRequest request, StreamObserver<ChatReply> responseObserver) {
		this.chatClient.prompt()
			.user(request.getMessage())
			.stream()
			.content()
			.subscribe((chunk) -> responseObserver.onNext(ChatReply.newBuilder().setText(chunk).build()),
					responseObserver::onError, responseObserver::onCompleted);
	}

}
