package dev.llmtracing.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends an HTTP/1.1 request byte for byte, so that a test can put into a header what an
 * HTTP client library refuses to send (control characters, raw non-ASCII bytes), and
 * reads the status of the answer.
 *
 * @author llm-tracing
 */
final class RawHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/**
	 * POST a plain-text body with one extra header.
	 * @param path the path
	 * @param headerName the header name
	 * @param headerValue the header value, sent as these bytes
	 * @param body the body
	 * @return the status code of the answer
	 */
	int post(String path, String headerName, byte[] headerValue, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + this.port
				+ "\r\nContent-Type: text/plain\r\nAccept: */*\r\nConnection: close\r\nContent-Length: "
				+ content.length + "\r\n" + headerName + ": ")
			.getBytes(StandardCharsets.ISO_8859_1));
		request.writeBytes(headerValue);
		request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		request.writeBytes(content);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			return status(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int status(InputStream in) throws IOException {
		String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
			throw new IOException("Not an HTTP answer: " + answer);
		}
		return Integer.parseInt(answer.substring(9, 12));
	}

}
