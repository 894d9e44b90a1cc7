package dev.llmtracing.autoconfigure.request;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RequestRecordServerInterceptor}: one record per call, finished by the
 * first ending of the call, with the status the caller gets, and no failure of its own
 * ever reaching the call.
 *
 * @author llm-tracing
 */
class RequestRecordServerInterceptorTests {

	private final InstrumentationFailures failures = new InstrumentationFailures();

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE);

	private final ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(), 10, Duration.ofSeconds(1),
			this.failures);

	private final List<RequestRecord> records = new CopyOnWriteArrayList<>();

	private final RequestRecordServerInterceptor interceptor = new RequestRecordServerInterceptor(
			new RequestTracker(() -> this.dispatcher, List.of(this.records::add), false, 10, this.failures),
			this.idScopes, 0);

	@AfterEach
	void closeDispatcher() {
		this.dispatcher.close();
	}

	@Test
	void aUnaryCallIsRecordedOnceWithItsMethodWhenItCloses() {
		TestCall call = new TestCall(MethodDescriptor.MethodType.UNARY);
		ServerCall.Listener<String> listener = intercept("req-1", call, (serverCall, headers) -> {
			serverCall.sendMessage("answer");
			serverCall.close(Status.OK, new Metadata());
			return new ServerCall.Listener<>() {
			};
		});
		listener.onComplete();
		RequestRecord record = awaitRecord();
		assertThat(record.ids().requestId()).isEqualTo("req-1");
		assertThat(record.rpcMethod()).isEqualTo("test.Chat/Ask");
		assertThat(record.route()).isNull();
		assertThat(record.httpStatus()).isNull();
		assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(record.errorType()).isNull();
		assertThat(record.timeToFirstByteMillis()).as("a unary call is not streamed").isNull();
		assertThat(call.closed).isEqualTo(Status.OK);
		assertThat(call.sent).containsExactly("answer");
	}

	@Test
	void aServerStreamingCallHasItsTimeToFirstMessage() throws Exception {
		TestCall call = new TestCall(MethodDescriptor.MethodType.SERVER_STREAMING);
		intercept("req-2", call, (serverCall, headers) -> {
			sleep(30);
			serverCall.sendMessage("one");
			serverCall.sendMessage("two");
			serverCall.close(Status.OK, new Metadata());
			return new ServerCall.Listener<>() {
			};
		});
		assertThat(awaitRecord().timeToFirstByteMillis()).isNotNull().isGreaterThanOrEqualTo(30L);
	}

	@Test
	void anErrorStatusMakesAnErrorRecordNamedByItsCode() {
		TestCall call = new TestCall(MethodDescriptor.MethodType.UNARY);
		intercept("req-3", call, (serverCall, headers) -> {
			serverCall.close(Status.RESOURCE_EXHAUSTED.withDescription("quota"), new Metadata());
			return new ServerCall.Listener<>() {
			};
		});
		RequestRecord record = awaitRecord();
		assertThat(record.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(record.errorType()).isEqualTo("RESOURCE_EXHAUSTED");
		assertThat(call.closed.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
	}

	@Test
	void aCancelledCallIsRecordedOnceAsCancelled() {
		ServerCall.Listener<String> listener = intercept("req-4", new TestCall(MethodDescriptor.MethodType.UNARY),
				(serverCall, headers) -> new ServerCall.Listener<>() {
				});
		listener.onCancel();
		listener.onComplete();
		assertThat(awaitRecord().errorType()).isEqualTo("CANCELLED");
	}

	@Test
	void anExceptionOutOfTheHandlerReachesGrpcUnchangedAndEndsTheRecord() {
		IllegalStateException failure = new IllegalStateException("handler failed");
		ServerCall.Listener<String> listener = intercept("req-5", new TestCall(MethodDescriptor.MethodType.UNARY),
				(serverCall, headers) -> new ServerCall.Listener<>() {

					@Override
					public void onHalfClose() {
						throw failure;
					}

				});
		assertThatIllegalStateException().isThrownBy(listener::onHalfClose).isSameAs(failure);
		assertThat(awaitRecord().errorType()).isEqualTo("UNKNOWN");
	}

	@Test
	void aCallWithoutIdsIsNotFollowed() {
		TestCall call = new TestCall(MethodDescriptor.MethodType.UNARY);
		this.interceptor.interceptCall(call, new Metadata(), (serverCall, headers) -> {
			serverCall.close(Status.OK, new Metadata());
			return new ServerCall.Listener<>() {
			};
		});
		this.dispatcher.close();
		assertThat(this.records).isEmpty();
		assertThat(call.closed).isEqualTo(Status.OK);
	}

	@Test
	void aBrokenTrackerNeverFailsTheCallAndIsCounted() {
		RequestTracker broken = new RequestTracker(() -> {
			throw new IllegalStateException("no dispatcher");
		}, List.<RequestListener>of(), false, 10, this.failures);
		RequestRecordServerInterceptor interceptor = new RequestRecordServerInterceptor(broken, this.idScopes, 0);
		TestCall call = new TestCall(MethodDescriptor.MethodType.UNARY);
		try (IdScope scope = this.idScopes.open("req-6", null, null)) {
			interceptor.interceptCall(call, new Metadata(), (serverCall, headers) -> {
				serverCall.close(Status.OK, new Metadata());
				return new ServerCall.Listener<>() {
				};
			});
		}
		assertThat(call.closed).isEqualTo(Status.OK);
		assertThat(this.failures.count(InstrumentedComponent.REQUEST)).isEqualTo(1);
	}

	private ServerCall.Listener<String> intercept(String requestId, TestCall call,
			ServerCallHandler<String, String> handler) {
		try (IdScope scope = this.idScopes.open(requestId, null, null)) {
			return this.interceptor.interceptCall(call, new Metadata(), handler);
		}
	}

	private RequestRecord awaitRecord() {
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.records.isEmpty());
		assertThat(this.records).hasSize(1);
		return this.records.get(0);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A server call of {@code test.Chat/Ask} that keeps what the interceptor passes on.
	 */
	private static final class TestCall extends ServerCall<String, String> {

		private final MethodDescriptor<String, String> method;

		final List<String> sent = new CopyOnWriteArrayList<>();

		volatile Status closed;

		TestCall(MethodDescriptor.MethodType type) {
			this.method = MethodDescriptor.<String, String>newBuilder()
				.setType(type)
				.setFullMethodName("test.Chat/Ask")
				.setRequestMarshaller(StringMarshaller.INSTANCE)
				.setResponseMarshaller(StringMarshaller.INSTANCE)
				.build();
		}

		@Override
		public void sendHeaders(Metadata headers) {
		}

		@Override
		public void sendMessage(String message) {
			this.sent.add(message);
		}

		@Override
		public void close(Status status, Metadata trailers) {
			this.closed = status;
		}

		@Override
		public void request(int numMessages) {
		}

		@Override
		public boolean isCancelled() {
			return false;
		}

		@Override
		public Attributes getAttributes() {
			return Attributes.EMPTY;
		}

		@Override
		public MethodDescriptor<String, String> getMethodDescriptor() {
			return this.method;
		}

	}

	private enum StringMarshaller implements MethodDescriptor.Marshaller<String> {

		INSTANCE;

		@Override
		public InputStream stream(String value) {
			return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String parse(InputStream stream) {
			throw new UnsupportedOperationException();
		}

	}

}
