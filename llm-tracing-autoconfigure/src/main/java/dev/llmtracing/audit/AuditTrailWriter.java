package dev.llmtracing.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRecordFields;
import dev.llmtracing.record.JsonText;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each exchange as one JSON line to a tamper-evident audit file: the fields of
 * {@link ExchangeRecordFields#all}, then {@code "audit.seq"} (1-based, continuing across
 * rolled files and restarts), {@code "audit.prev"} (the {@code "audit.hash"} of the line
 * before, or 64 zeros at the start of a segment) and last {@code "audit.hash"}: the
 * SHA-256 (lower-case hex) of the UTF-8 bytes of the line up to and including
 * {@code "audit.prev"}, closed with <code>}</code> (see {@link AuditTrailFormat}). The
 * {@code verify-audit} command of {@code llm-tracing-tools} checks the chain.
 * <p>
 * On the first record, and after a failure, the writer reads where the file left off (see
 * {@link ChainTail}): it continues the chain after a line that verifies, and starts a
 * marked segment ({@code "audit.segment":"restart-after-broken-line"}) after a broken
 * one, which it leaves in place for the verifier to report, and logs a WARN once it has
 * started that segment. A new file starts with {@code "audit.segment":"start"}. Before a
 * line would make the file bigger than {@link AuditTrailSettings#maxFileSizeBytes()}, the
 * file is rolled and the same chain goes on in a new file.
 * <p>
 * Each line is written with one write call and nothing is buffered. With
 * {@link AuditFailureMode#DROP_AND_COUNT} the file is not forced to disk and a failure
 * never escapes {@link #onExchange}: the record is lost, counted in
 * {@link #getFailureCount()} and as an {@code audit} instrumentation failure, and the
 * file is opened again for the next record. With {@link AuditFailureMode#FAIL_CLOSED}
 * {@link #onExchange} does nothing: each line is written by {@link #writeDurably} on the
 * caller's thread, forced to disk, and a failure is counted the same way and thrown as an
 * {@link AuditTrailException}.
 *
 * @author llm-tracing
 */
public class AuditTrailWriter implements ExchangeListener, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AuditTrailWriter.class);

	private final AuditTrailSettings settings;

	private final AtomicLong failures = new AtomicLong();

	private final InstrumentationFailures instrumentationFailures;

	private final AuditFailureMode onFailure;

	private @Nullable FileChannel channel;

	private @Nullable ChainTail tail;

	private long size;

	private boolean failing;

	/**
	 * Create a writer. The file is opened on the first record.
	 * @param settings where and how to write
	 */
	public AuditTrailWriter(AuditTrailSettings settings) {
		this(settings, new InstrumentationFailures(), AuditFailureMode.DROP_AND_COUNT);
	}

	/**
	 * Create a writer. The file is opened on the first record.
	 * @param settings where and how to write
	 * @param failures counts each record that could not be written as an {@code audit}
	 * failure
	 * @param onFailure what a failure does to the model call
	 */
	public AuditTrailWriter(AuditTrailSettings settings, InstrumentationFailures failures, AuditFailureMode onFailure) {
		this.settings = settings;
		this.instrumentationFailures = failures;
		this.onFailure = onFailure;
	}

	@Override
	public synchronized void onExchange(ExchangeRecord record) {
		if (this.onFailure == AuditFailureMode.FAIL_CLOSED) {
			return;
		}
		try {
			append(record);
			this.failing = false;
		}
		catch (IOException | RuntimeException ex) {
			failed(ex);
		}
	}

	/**
	 * Write the line of a record and force it to disk, for
	 * {@link AuditFailureMode#FAIL_CLOSED}: this runs on the caller's thread and costs
	 * one {@code fsync} per model call.
	 * @param record the record
	 * @throws AuditTrailException if the line could not be written or forced to disk
	 */
	public synchronized void writeDurably(ExchangeRecord record) {
		try {
			append(record);
			this.channel.force(false);
			this.failing = false;
		}
		catch (IOException | RuntimeException ex) {
			failed(ex);
			throw new AuditTrailException(this.settings.file(), record.ids().exchangeId(), ex);
		}
	}

	private void failed(Exception ex) {
		this.failures.incrementAndGet();
		this.instrumentationFailures.record(InstrumentedComponent.AUDIT, ex);
		if (!this.failing) {
			logger.warn("Failed to write to audit file '{}': {}", this.settings.file(), ex.toString());
		}
		this.failing = true;
		closeQuietly();
	}

	private void append(ExchangeRecord record) throws IOException {
		if (this.channel == null || this.tail == null) {
			open();
		}
		ChainTail tail = this.tail;
		Map<String, Object> fields = ExchangeRecordFields.all(record, this.settings.keys());
		if (tail.segment() != null) {
			fields.put(AuditTrailFormat.SEGMENT, tail.segment());
		}
		fields.put(AuditTrailFormat.SEQ, tail.nextSeq());
		fields.put(AuditTrailFormat.PREV, tail.prev());
		String line = AuditLine.seal(JsonText.write(fields));
		byte[] bytes = bytes(line, tail.unterminated());
		if (this.size > 0 && this.size + bytes.length > this.settings.maxFileSizeBytes()) {
			// The same chain goes on in the new file, even when no rolled file is kept
			roll();
			bytes = bytes(line, false);
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			this.channel.write(buffer);
		}
		this.size += bytes.length;
		this.tail = tail.after(line);
		if (AuditTrailFormat.RESTART_AFTER_BROKEN_LINE.equals(tail.segment())) {
			logger.warn(
					"Audit file '{}' ended with a broken line (cut off by a crash, or edited): started a new "
							+ "segment at audit.seq {}; verify the trail to tell a crash from tampering",
					this.settings.file(), tail.nextSeq());
		}
	}

	private static byte[] bytes(String line, boolean newLineFirst) {
		return ((newLineFirst ? "\n" : "") + line + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private void open() throws IOException {
		Path file = this.settings.file();
		Path directory = file.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		this.tail = ChainTail.read(file);
		openChannel();
	}

	private void openChannel() throws IOException {
		this.channel = FileChannel.open(this.settings.file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
		this.size = this.channel.size();
	}

	private void roll() throws IOException {
		this.channel.close();
		this.channel = null;
		RolledFiles.roll(this.settings.file(), this.settings.maxHistory());
		openChannel();
	}

	/**
	 * Return how many records could not be written.
	 * @return the number of failed records
	 */
	public long getFailureCount() {
		return this.failures.get();
	}

	/**
	 * Close the file. A later record opens it again.
	 */
	@Override
	public synchronized void close() {
		closeQuietly();
	}

	private void closeQuietly() {
		FileChannel channel = this.channel;
		this.channel = null;
		this.tail = null;
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// The lines were written already; nothing more to save
			}
		}
	}

}
