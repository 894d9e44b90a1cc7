package dev.llmtracing.autoconfigure.request;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.llmtracing.context.IdScopes;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;

/**
 * gRPC server interceptor that follows each inbound call as a request, from its start
 * until it is closed with its status (for a server-streaming call, after its last
 * message), and then has its {@link RequestRecord} written, as the servlet and WebFlux
 * filters do for HTTP requests. It runs inside the ID interceptor, whose request ID
 * identifies the call. The record names the call's method ({@code rpc.service},
 * {@code rpc.method}) instead of a route; a call that does not end with {@code OK} is an
 * error whose type is its status code, and a streaming call has a time to first message.
 *
 * @author llm-tracing
 */
final class RequestRecordServerInterceptor implements ServerInterceptor, Ordered {

	private final RequestTracker tracker;

	private final IdScopes idScopes;

	private final int order;

	/**
	 * Create an interceptor.
	 * @param tracker follows the running requests
	 * @param idScopes reads the call's IDs
	 * @param order the order of the interceptor among the global server interceptors,
	 * after the ID interceptor
	 */
	RequestRecordServerInterceptor(RequestTracker tracker, IdScopes idScopes, int order) {
		this.tracker = tracker;
		this.idScopes = idScopes;
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		RequestTimeline timeline = this.tracker.startHere(this.idScopes::current);
		if (timeline == null) {
			return next.startCall(call, headers);
		}
		MethodType type = call.getMethodDescriptor().getType();
		if (type == MethodType.SERVER_STREAMING || type == MethodType.BIDI_STREAMING) {
			timeline.streamed();
		}
		Finish finish = new Finish(timeline, call.getMethodDescriptor().getFullMethodName());
		ServerCall.Listener<Q> listener;
		try {
			listener = next.startCall(new FollowedCall<>(call, timeline, finish), headers);
		}
		catch (RuntimeException | Error ex) {
			finish.failed(ex);
			throw ex;
		}
		return new FollowedListener<>(listener, finish);
	}

	/**
	 * Finishes the call's request once, with the first ending seen: its status, its
	 * cancellation, or an exception out of the handler.
	 */
	private final class Finish {

		private final AtomicBoolean done = new AtomicBoolean();

		private final RequestTimeline timeline;

		private final String method;

		Finish(RequestTimeline timeline, String method) {
			this.timeline = timeline;
			this.method = method;
		}

		void closed(Status status) {
			finish(status.getCause(), status.isOk() ? null : status.getCode().name());
		}

		void cancelled() {
			finish(null, Status.Code.CANCELLED.name());
		}

		void failed(Throwable error) {
			finish(error, Status.Code.UNKNOWN.name());
		}

		void completed() {
			finish(null, null);
		}

		private void finish(@Nullable Throwable error, @Nullable String errorType) {
			if (!this.done.compareAndSet(false, true)) {
				return;
			}
			try {
				RequestRecordServerInterceptor.this.tracker.finish(this.timeline, null, this.method, null, error,
						errorType);
			}
			catch (RuntimeException ex) {
				RequestRecordServerInterceptor.this.tracker.recordFailure(ex);
			}
		}

	}

	private static final class FollowedCall<Q, R> extends SimpleForwardingServerCall<Q, R> {

		private final RequestTimeline timeline;

		private final Finish finish;

		FollowedCall(ServerCall<Q, R> delegate, RequestTimeline timeline, Finish finish) {
			super(delegate);
			this.timeline = timeline;
			this.finish = finish;
		}

		@Override
		public void sendMessage(R message) {
			this.timeline.firstByte(System.nanoTime());
			super.sendMessage(message);
		}

		@Override
		public void close(Status status, Metadata trailers) {
			this.finish.closed(status);
			super.close(status, trailers);
		}

	}

	private static final class FollowedListener<Q> extends SimpleForwardingServerCallListener<Q> {

		private final Finish finish;

		FollowedListener(ServerCall.Listener<Q> delegate, Finish finish) {
			super(delegate);
			this.finish = finish;
		}

		@Override
		public void onMessage(Q message) {
			try {
				super.onMessage(message);
			}
			catch (RuntimeException | Error ex) {
				this.finish.failed(ex);
				throw ex;
			}
		}

		@Override
		public void onHalfClose() {
			try {
				super.onHalfClose();
			}
			catch (RuntimeException | Error ex) {
				this.finish.failed(ex);
				throw ex;
			}
		}

		@Override
		public void onCancel() {
			this.finish.cancelled();
			super.onCancel();
		}

		@Override
		public void onComplete() {
			this.finish.completed();
			super.onComplete();
		}

	}

}
