package dev.llmtracing.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.TestRecords;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit trails for tests: written with {@link AuditTrailWriter}, read and rewritten line
 * by line.
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

	static VerificationResult verify(Path... files) {
		try {
			return AuditTrailVerifier.verify(List.of(files));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
