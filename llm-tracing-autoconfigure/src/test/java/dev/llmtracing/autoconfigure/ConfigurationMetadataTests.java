package dev.llmtracing.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the generated configuration metadata documents every property, so that IDEs
 * show a description and a default for each.
 *
 * @author llm-tracing
 */
class ConfigurationMetadataTests {

	/**
	 * Properties that have no default on purpose.
	 */
	private static final List<String> WITHOUT_DEFAULT = List.of("llm.tracing.content.encryption.active-key-id",
			"llm.tracing.quality.slow.default-objective");

	@Test
	@SuppressWarnings("unchecked")
	void everyPropertyHasDescriptionAndDefault() throws IOException {
		Map<String, Object> metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readValue(in, Map.class);
		}
		List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
		assertThat(properties).hasSizeGreaterThan(10);
		assertThat(properties).allSatisfy((property) -> {
			assertThat((String) property.get("name"))
				.matches("llm\\.tracing\\..*|management\\.endpoint\\.(llmreplay|llmrequests)\\..*");
			assertThat((String) property.get("description")).as("description of %s", property.get("name")).isNotBlank();
			if (!WITHOUT_DEFAULT.contains(property.get("name"))) {
				assertThat(property.get("defaultValue")).as("default of %s", property.get("name")).isNotNull();
			}
		});
	}

	/**
	 * The properties, their descriptions and defaults, as the configuration metadata
	 * listed them before the properties were split by feature
	 * ({@code configuration-metadata-baseline.json}): splitting must not change them.
	 */
	@Test
	void metadataListsTheSamePropertiesAsTheBaseline() throws IOException {
		assertThat(namesDescriptionsAndDefaults("META-INF/spring-configuration-metadata.json"))
			.containsExactlyInAnyOrderElementsOf(namesDescriptionsAndDefaults("configuration-metadata-baseline.json"));
	}

	@SuppressWarnings("unchecked")
	private static List<List<Object>> namesDescriptionsAndDefaults(String resource) throws IOException {
		Map<String, Object> metadata;
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			metadata = JsonMapper.builder().build().readValue(in, Map.class);
		}
		List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
		return properties.stream()
			.map((property) -> Arrays.asList(property.get("name"), property.get("description"),
					property.get("defaultValue")))
			.toList();
	}

}
