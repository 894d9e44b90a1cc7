package dev.llmtracing.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.llmtracing.record.ExchangeFields;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds a record by its exchange ID in JSON lines files: the JSON exchange log
 * (logstash-logback-encoder or Spring Boot's structured logging in {@code logstash}
 * format) or the audit trail.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class ExchangeLogReader {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Return the record of an exchange.
	 * @param files the files to search, in order
	 * @param exchangeId the exchange ID
	 * @return the record's fields, if found
	 * @throws IOException if a file cannot be read
	 */
	public Optional<Map<String, Object>> find(List<Path> files, String exchangeId) throws IOException {
		String needle = "\"" + exchangeId + "\"";
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				continue;
			}
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.contains(needle)) {
						Map<String, Object> fields = this.mapper.readValue(line, MAP);
						if (exchangeId.equals(fields.get(ExchangeFields.EXCHANGE_ID))) {
							return Optional.of(fields);
						}
					}
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Parse one record.
	 * @param json the JSON text of the record
	 * @return its fields
	 */
	public Map<String, Object> parse(String json) {
		return this.mapper.readValue(json, MAP);
	}

}
