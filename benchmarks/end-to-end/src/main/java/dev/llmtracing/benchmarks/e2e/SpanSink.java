package dev.llmtracing.benchmarks.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Zipkin endpoint that accepts and counts spans, so the applications export as they
 * would in production without a Zipkin server's CPU on the machine under load.
 *
 * @author llm-tracing
 */
final class SpanSink implements AutoCloseable {

	private final HttpServer server;

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong posts = new AtomicLong();

	SpanSink() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.createContext("/api/v2/spans", this::accept);
		this.server.start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/v2/spans";
	}

	long posts() {
		return this.posts.get();
	}

	long bytes() {
		return this.bytes.get();
	}

	private void accept(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			this.bytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
		}
		this.posts.incrementAndGet();
		exchange.sendResponseHeaders(202, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
