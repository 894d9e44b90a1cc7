package dev.llmtracing.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * A Spring gRPC application with a chat service (unary, server streaming with and without
 * {@code contextCapture()}, and a relay that calls the service again through a
 * Spring-managed channel), for the gRPC end-to-end tests. The method descriptors are
 * written by hand with a UTF-8 string marshaller, so the tests need no generated code.
 *
 * @author llm-tracing
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GrpcTestApplication {

	static final String LOGGER_NAME = "grpc-test-app";

	static final MethodDescriptor<String, String> ASK = method("Ask", MethodDescriptor.MethodType.UNARY);

	static final MethodDescriptor<String, String> STREAM = method("Stream",
			MethodDescriptor.MethodType.SERVER_STREAMING);

	static final MethodDescriptor<String, String> STREAM_CAPTURED = method("StreamCaptured",
			MethodDescriptor.MethodType.SERVER_STREAMING);

	static final MethodDescriptor<String, String> RELAY = method("Relay", MethodDescriptor.MethodType.UNARY);

	static final MethodDescriptor<String, String> REFUSE = method("Refuse", MethodDescriptor.MethodType.UNARY);

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	static final AtomicInteger port = new AtomicInteger();

	@EventListener
	void serverStarted(GrpcServerStartedEvent event) {
		port.set(event.getPort());
	}

	@Bean
	BindableService chatService(ChatClient.Builder builder, GrpcChannelFactory channels) {
		ChatClient chatClient = builder.build();
		return () -> ServerServiceDefinition.builder("test.Chat")
			.addMethod(ASK, ServerCalls.asyncUnaryCall((message, observer) -> {
				logger.info("ask {}", message);
				observer.onNext(chatClient.prompt().user(message).call().content());
				observer.onCompleted();
			}))
			.addMethod(STREAM, ServerCalls.asyncServerStreamingCall((message, observer) -> {
				logger.info("stream {}", message);
				chatClient.prompt().user(message).stream().content().subscribe((token) -> {
					logger.info("token {}", message);
					observer.onNext(token);
				}, observer::onError, observer::onCompleted);
			}))
			.addMethod(STREAM_CAPTURED, ServerCalls.asyncServerStreamingCall((message, observer) -> {
				logger.info("stream {}", message);
				chatClient.prompt()
					.user(message)
					.stream()
					.content()
					.doOnNext((token) -> logger.info("token {}", message))
					.contextCapture()
					.subscribe(observer::onNext, observer::onError, observer::onCompleted);
			}))
			.addMethod(REFUSE, ServerCalls.asyncUnaryCall((message, observer) -> {
				chatClient.prompt().user(message).call().content();
				observer.onError(
						Status.FAILED_PRECONDITION.withDescription("the answer cannot be used").asRuntimeException());
			}))
			.addMethod(RELAY, ServerCalls.asyncUnaryCall((target, observer) -> {
				logger.info("relay {}", target);
				ManagedChannel channel = channels.createChannel(target + ":" + port.get());
				try {
					observer.onNext(ClientCalls.blockingUnaryCall(channel, ASK, io.grpc.CallOptions.DEFAULT,
							"relayed " + target));
					observer.onCompleted();
				}
				finally {
					channel.shutdownNow();
				}
			}))
			.build();
	}

	private static MethodDescriptor<String, String> method(String name, MethodDescriptor.MethodType type) {
		return MethodDescriptor.<String, String>newBuilder()
			.setType(type)
			.setFullMethodName(MethodDescriptor.generateFullMethodName("test.Chat", name))
			.setRequestMarshaller(Utf8Marshaller.INSTANCE)
			.setResponseMarshaller(Utf8Marshaller.INSTANCE)
			.build();
	}

	enum Utf8Marshaller implements MethodDescriptor.Marshaller<String> {

		INSTANCE;

		@Override
		public InputStream stream(String value) {
			return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String parse(InputStream stream) {
			try {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
