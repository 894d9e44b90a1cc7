package dev.llmtracing.benchmarks.e2e.app;

import java.util.concurrent.atomic.AtomicLong;

import dev.llmtracing.benchmarks.e2e.app.grpc.AskReply;
import dev.llmtracing.benchmarks.e2e.app.grpc.AskRequest;
import dev.llmtracing.benchmarks.e2e.app.grpc.AskServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Service;

/**
 * The gRPC run's service ({@code src/main/proto/ask.proto}), on the port the driver gives
 * in {@code spring.grpc.server.port}: the same {@code call()} as {@code GET /ask}. The
 * load generator sees only HTTP/2 statuses, and a failed call is still HTTP 200 with a
 * {@code grpc-status} trailer, so the service counts its failures for the driver's probe.
 *
 * @author llm-tracing
 */
@Service
class GrpcAskService extends AskServiceGrpc.AskServiceImplBase {

	static final AtomicLong failures = new AtomicLong();

	private final ChatClient chatClient;

	GrpcAskService(ChatClient.Builder chatClientBuilder) {
		this.chatClient = chatClientBuilder.build();
	}

	@Override
	public void ask(AskRequest request, StreamObserver<AskReply> responses) {
		String text;
		try {
			text = this.chatClient.prompt().user(request.getQ()).call().content();
		}
		catch (RuntimeException ex) {
			failures.incrementAndGet();
			responses.onError(Status.INTERNAL.withDescription(ex.getClass().getName()).asRuntimeException());
			return;
		}
		responses.onNext(AskReply.newBuilder().setText((text != null) ? text : "").build());
		responses.onCompleted();
	}

}
