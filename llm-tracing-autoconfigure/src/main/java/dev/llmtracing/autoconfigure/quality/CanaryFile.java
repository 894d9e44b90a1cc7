package dev.llmtracing.autoconfigure.quality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Reads the canaries of the YAML file {@code llm.tracing.quality.canary.file}: a list
 * {@code canaries} of entries with {@code name}, {@code prompt}, optional {@code system},
 * {@code model} and {@code temperature}, and {@code expect} ({@code contains},
 * {@code not-contains}, {@code regex}, {@code json-schema}, {@code digest}, at least
 * one). Anything invalid fails the start-up with an
 * {@link InvalidConfigurationPropertyValueException} on the file property that says which
 * canary and what is wrong.
 *
 * @author llm-tracing
 */
final class CanaryFile {

	static final String PROPERTY = "llm.tracing.quality.canary.file";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

	private static final String VALIDATOR = "com.networknt.schema.SchemaRegistry";

	private CanaryFile() {
	}

	static List<Canary> load(ResourceLoader resources, String location) {
		Resource resource = resources.getResource(location);
		if (!resource.exists()) {
			throw invalid(location, "the file does not exist");
		}
		List<CanaryEntry> entries;
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("llm-canaries", resource);
			Binder binder = new Binder(ConfigurationPropertySources.from(sources));
			entries = binder.bind("canaries", Bindable.listOf(CanaryEntry.class)).orElse(List.of());
		}
		catch (IOException | RuntimeException ex) {
			throw invalid(location, "it is not a YAML file of canaries (" + rootMessage(ex) + ")");
		}
		if (entries.isEmpty()) {
			throw invalid(location, "it has no canaries: list them under 'canaries:'");
		}
		List<Canary> canaries = new ArrayList<>(entries.size());
		Set<String> names = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			canaries.add(canary(location, "canaries[" + i + "]", entries.get(i), names));
		}
		return canaries;
	}

	private static Canary canary(String location, String where, CanaryEntry entry, Set<String> names) {
		if (entry.getName() == null || !NAME.matcher(entry.getName()).matches()) {
			throw invalid(location, where + ".name must be 1 to 64 letters, digits, '.', '_' or '-'");
		}
		if (!names.add(entry.getName())) {
			throw invalid(location, where + ".name '" + entry.getName() + "' is used by another canary");
		}
		if (entry.getPrompt() == null || entry.getPrompt().isBlank()) {
			throw invalid(location, where + ".prompt is missing");
		}
		CanaryEntry.Expect expect = entry.getExpect();
		Pattern regex = null;
		if (expect.getRegex() != null) {
			try {
				regex = Pattern.compile(expect.getRegex());
			}
			catch (PatternSyntaxException ex) {
				throw invalid(location, where + ".expect.regex is not a regular expression: " + ex.getDescription());
			}
		}
		JsonSchemaCheck schema = null;
		if (expect.getJsonSchema() != null) {
			if (!ClassUtils.isPresent(VALIDATOR, CanaryFile.class.getClassLoader())) {
				throw invalid(location,
						where + ".expect.json-schema needs com.networknt:json-schema-validator " + "on the class path");
			}
			try {
				schema = new JsonSchemaCheck(expect.getJsonSchema());
			}
			catch (RuntimeException ex) {
				throw invalid(location, where + ".expect.json-schema is not a JSON Schema: " + ex.getMessage());
			}
		}
		if (expect.getDigest() != null && !DIGEST.matcher(expect.getDigest()).matches()) {
			throw invalid(location, where + ".expect.digest must be a SHA-256 digest: 64 hexadecimal digits");
		}
		CanaryExpectations expectations = new CanaryExpectations(expect.getContains(), expect.getNotContains(), regex,
				schema, expect.getDigest());
		if (expectations.contains().isEmpty() && expectations.notContains().isEmpty() && regex == null && schema == null
				&& expect.getDigest() == null) {
			throw invalid(location, where + ".expect has no expectation: set contains, not-contains, regex, "
					+ "json-schema or digest");
		}
		return new Canary(entry.getName(), entry.getSystem(), entry.getPrompt(), entry.getModel(),
				entry.getTemperature(), expectations);
	}

	private static InvalidConfigurationPropertyValueException invalid(String location, String reason) {
		return new InvalidConfigurationPropertyValueException(PROPERTY, location, reason);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root && !(root instanceof BindException)) {
			root = root.getCause();
		}
		if (root instanceof BindException bind && bind.getCause() != null) {
			root = bind.getCause();
		}
		@Nullable String message = root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

}
