package dev.llmtracing.autoconfigure.request;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A response that tells the request's timeline when the first byte of its body is
 * written, for the time to first byte of streamed responses. Everything else goes to the
 * wrapped response unchanged; flushing the headers alone is not a body byte.
 *
 * @author llm-tracing
 */
final class FirstByteResponse extends HttpServletResponseWrapper {

	private final RequestTimeline timeline;

	private @Nullable ServletOutputStream outputStream;

	private @Nullable PrintWriter writer;

	FirstByteResponse(HttpServletResponse response, RequestTimeline timeline) {
		super(response);
		this.timeline = timeline;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		ServletOutputStream delegate = super.getOutputStream();
		ServletOutputStream stream = this.outputStream;
		if (stream == null) {
			stream = new FirstByteOutputStream(delegate);
			this.outputStream = stream;
		}
		return stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		PrintWriter delegate = super.getWriter();
		PrintWriter writer = this.writer;
		if (writer == null) {
			writer = new FirstByteWriter(delegate);
			this.writer = writer;
		}
		return writer;
	}

	private void written(int length) {
		if (length > 0) {
			this.timeline.firstByte(System.nanoTime());
		}
	}

	/**
	 * Tells of the first byte written to the output stream.
	 */
	private final class FirstByteOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		FirstByteOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			written(1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.delegate.write(b, off, len);
			written(len);
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
			this.delegate.setWriteListener(writeListener);
		}

	}

	/**
	 * Tells of the first character written to the writer.
	 */
	private final class FirstByteWriter extends PrintWriter {

		FirstByteWriter(PrintWriter delegate) {
			super(delegate);
		}

		@Override
		public void write(int c) {
			super.write(c);
			written(1);
		}

		@Override
		public void write(char[] buf, int off, int len) {
			super.write(buf, off, len);
			written(len);
		}

		@Override
		public void write(String s, int off, int len) {
			super.write(s, off, len);
			written(len);
		}

	}

}
