package dev.llmtracing.autoconfigure.quality;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the canary file, as bound from YAML; {@link CanaryFile} checks it.
 *
 * @author llm-tracing
 */
final class CanaryEntry {

	private @Nullable String name;

	private @Nullable String system;

	private @Nullable String prompt;

	private @Nullable String model;

	private @Nullable Double temperature;

	private final Expect expect = new Expect();

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getSystem() {
		return this.system;
	}

	public void setSystem(@Nullable String system) {
		this.system = system;
	}

	public @Nullable String getPrompt() {
		return this.prompt;
	}

	public void setPrompt(@Nullable String prompt) {
		this.prompt = prompt;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	public Expect getExpect() {
		return this.expect;
	}

	/**
	 * The expectations of an entry.
	 */
	static final class Expect {

		private List<String> contains = new ArrayList<>();

		private List<String> notContains = new ArrayList<>();

		private @Nullable String regex;

		private @Nullable String jsonSchema;

		private @Nullable String digest;

		public List<String> getContains() {
			return this.contains;
		}

		public void setContains(List<String> contains) {
			this.contains = contains;
		}

		public List<String> getNotContains() {
			return this.notContains;
		}

		public void setNotContains(List<String> notContains) {
			this.notContains = notContains;
		}

		public @Nullable String getRegex() {
			return this.regex;
		}

		public void setRegex(@Nullable String regex) {
			this.regex = regex;
		}

		public @Nullable String getJsonSchema() {
			return this.jsonSchema;
		}

		public void setJsonSchema(@Nullable String jsonSchema) {
			this.jsonSchema = jsonSchema;
		}

		public @Nullable String getDigest() {
			return this.digest;
		}

		public void setDigest(@Nullable String digest) {
			this.digest = digest;
		}

	}

}
