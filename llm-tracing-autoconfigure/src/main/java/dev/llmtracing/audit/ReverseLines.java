package dev.llmtracing.audit;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * Reads the lines of a file from its end, last line first, without reading the rest of
 * the file.
 *
 * @author llm-tracing
 */
final class ReverseLines implements Closeable {

	private static final int CHUNK = 8192;

	private final FileChannel channel;

	private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

	private final boolean unterminated;

	private long end;

	ReverseLines(Path file) throws IOException {
		this.channel = FileChannel.open(file, StandardOpenOption.READ);
		try {
			long size = this.channel.size();
			this.unterminated = size > 0 && byteAt(size - 1) != '\n';
			this.end = (size == 0) ? -1 : (this.unterminated ? size : size - 1);
		}
		catch (IOException ex) {
			this.channel.close();
			throw ex;
		}
	}

	/**
	 * Return whether the file's last line has no line break: it was cut or half-written.
	 * @return whether the file ends without a line break
	 */
	boolean unterminated() {
		return this.unterminated;
	}

	/**
	 * Return the line before the last one returned, the last line at first.
	 * @return the line, or {@code null} at the start of the file
	 * @throws IOException if the file cannot be read
	 */
	@Nullable String previous() throws IOException {
		if (this.end < 0) {
			return null;
		}
		long start = lineStart(this.end);
		ByteBuffer line = ByteBuffer.allocate(Math.toIntExact(this.end - start));
		read(line, start);
		this.end = start - 1;
		return new String(line.array(), StandardCharsets.UTF_8);
	}

	private long lineStart(long end) throws IOException {
		long position = end;
		while (position > 0) {
			int length = (int) Math.min(CHUNK, position);
			this.chunk.clear().limit(length);
			read(this.chunk, position - length);
			for (int i = length - 1; i >= 0; i--) {
				if (this.chunk.get(i) == '\n') {
					return position - length + i + 1;
				}
			}
			position -= length;
		}
		return 0;
	}

	private byte byteAt(long position) throws IOException {
		this.chunk.clear().limit(1);
		read(this.chunk, position);
		return this.chunk.get(0);
	}

	private void read(ByteBuffer buffer, long position) throws IOException {
		while (buffer.hasRemaining()) {
			if (this.channel.read(buffer, position + buffer.position()) < 0) {
				throw new EOFException("File shrank while being read");
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
