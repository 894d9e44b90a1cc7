package dev.llmtracing.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the properties reference, {@code docs/properties.md}, documents exactly the
 * properties of the configuration metadata generated at compile time, each with the
 * metadata's default, so that the page cannot drift from the code.
 * <p>
 * A property is documented by a table row whose first cell is its name in backticks and
 * whose second cell is its default in backticks, or empty when the metadata has none (or
 * an empty list or map). A list default is written as its elements joined by commas.
 *
 * @author llm-tracing
 */
class PropertiesReferenceTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path REFERENCE = Path.of("../docs/properties.md");

	private static Map<String, String> metadataDefaults;

	private static Map<String, String> documentedDefaults;

	@BeforeAll
	static void readMetadataAndReference() throws IOException {
		metadataDefaults = readMetadata(METADATA);
		documentedDefaults = readReference(REFERENCE);
	}

	@Test
	void shouldDocumentExactlyThePropertiesOfTheMetadata() {
		assertThat(metadataDefaults).hasSizeGreaterThan(40);
		assertThat(documentedDefaults.keySet()).as("properties documented in %s", REFERENCE)
			.containsExactlyInAnyOrderElementsOf(metadataDefaults.keySet());
	}

	@Test
	void shouldDocumentTheDefaultsOfTheMetadata() {
		assertThat(documentedDefaults).as("defaults documented in %s", REFERENCE)
			.containsAllEntriesOf(metadataDefaults);
	}

	@Test
	void shouldReadDocumentedPropertiesFromTableRows() {
		Map<String, String> rows = parseRows(List.of("| Property | Default | Description |", "|---|---|---|",
				"| `a.b` | `1,2` | A list. |", "| `a.c` | | No default. |", "Some `a.d` in text."));
		assertThat(rows).containsExactly(Map.entry("a.b", "1,2"), Map.entry("a.c", ""));
	}

	private static Map<String, String> readMetadata(Path path) {
		JsonNode properties = JsonMapper.builder().build().readTree(path).required("properties");
		Map<String, String> defaults = new LinkedHashMap<>();
		for (JsonNode property : properties) {
			defaults.put(property.required("name").asString(), render(property.get("defaultValue")));
		}
		return defaults;
	}

	private static String render(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> elements = new ArrayList<>();
			value.values().forEach((element) -> elements.add(element.asString()));
			return String.join(",", elements);
		}
		if (value.isObject()) {
			return value.properties()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue().asString())
				.collect(Collectors.joining(","));
		}
		return value.asString();
	}

	private static Map<String, String> readReference(Path path) throws IOException {
		return parseRows(Files.readAllLines(path));
	}

	private static Map<String, String> parseRows(List<String> lines) {
		Map<String, String> rows = new LinkedHashMap<>();
		for (String line : lines) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String[] cells = line.split("\\|", -1);
			assertThat(cells).as("cells of row %s", line).hasSize(5);
			String name = unquote(cells[1].strip());
			assertThat(rows).as("rows documenting %s", name).doesNotContainKey(name);
			rows.put(name, unquote(cells[2].strip()));
		}
		return rows;
	}

	private static String unquote(String cell) {
		if (cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")) {
			return cell.substring(1, cell.length() - 1);
		}
		return cell;
	}

}
