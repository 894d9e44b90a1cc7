package dev.llmtracing.tools.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.llmtracing.audit.AuditTrailSettings;
import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.TestRecords;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit trails for tests: written with {@link AuditTrailWriter}, read and rewritten line
 * by line, and lines sealed again after an edit.
 *
 * @author llm-tracing
 */
final class TestTrails {

	private static final JsonMapper json = JsonMapper.builder().build();

	private TestTrails() {
	}

	static AuditTrailWriter writer(Path file, long maxFileSizeBytes, int maxHistory) {
		return new AuditTrailWriter(new AuditTrailSettings(file, maxFileSizeBytes, maxHistory, MdcKeys.DEFAULT));
	}

	static AuditTrailWriter writer(Path file) {
		return writer(file, 10_000_000, 5);
	}

	static Path write(Path file, int records) {
		try (AuditTrailWriter writer = writer(file)) {
			for (int i = 0; i < records; i++) {
				writer.onExchange((i % 2 == 0) ? TestRecords.complete() : TestRecords.minimal());
			}
			return file;
		}
	}

	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void rewrite(Path file, List<String> lines) {
		try {
			Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> fields(String line) {
		return json.readValue(line, Map.class);
	}

	static void cutLastLine(Path file) throws IOException {
		List<String> lines = lines(file);
		String last = lines.get(lines.size() - 1);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() - last.length() / 2);
		}
	}

	static Path rolled(Path file, int index) {
		return file.resolveSibling(file.getFileName() + "." + index);
	}

	static String seal(String body) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
			return body.substring(0, body.length() - 1) + ",\"audit.hash\":\"" + HexFormat.of().formatHex(hash) + "\"}";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static VerificationResult verify(Path... files) {
		try {
			return AuditTrailVerifier.verify(List.of(files));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
