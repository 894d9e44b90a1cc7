package dev.llmtracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the public types of the main code are the ones {@code docs/extending.md}
 * lists, so that the page and the code cannot drift apart: every public top-level type is
 * an auto-configuration, a {@code @ConfigurationProperties} class, or listed on the page
 * (as supported API, or as internal); every listed type exists and is public; and every
 * type of the supported API says {@code @since}.
 *
 * @author llm-tracing
 */
class PublicApiTests {

	private static final Path CLASSES = Path.of("target/classes");

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path PAGE = Path.of("../docs/extending.md");

	private static final Pattern LISTED = Pattern.compile("^- `(dev\\.llmtracing\\.[\\w.]+)`", Pattern.MULTILINE);

	private static final String INTERNAL_HEADING = "\n## Internal\n";

	@Test
	void shouldOnlyMakePublicWhatIsAutoConfigurationPropertiesOrListed() {
		Set<String> listed = new TreeSet<>(supported());
		listed.addAll(internal());
		Set<String> unlisted = new TreeSet<>();
		for (Class<?> type : publicTypes()) {
			if (!type.isAnnotationPresent(AutoConfiguration.class)
					&& !type.isAnnotationPresent(ConfigurationProperties.class) && !listed.contains(type.getName())) {
				unlisted.add(type.getName());
			}
		}
		assertThat(unlisted).as("public types that are not auto-configurations, properties or listed in " + PAGE)
			.isEmpty();
	}

	@Test
	void shouldListOnlyPublicTypes() {
		Set<String> publicNames = new TreeSet<>();
		publicTypes().forEach((type) -> publicNames.add(type.getName()));
		Set<String> listed = new TreeSet<>(supported());
		listed.addAll(internal());
		assertThat(publicNames).as("types listed in " + PAGE).containsAll(listed);
	}

	@Test
	void shouldNotListATypeTwice() {
		assertThat(supported()).doesNotContainAnyElementsOf(internal());
	}

	@Test
	void shouldMarkTheSupportedApiWithSince() {
		Set<String> withoutSince = new TreeSet<>();
		for (String name : supported()) {
			if (!typeJavadoc(name).contains("@since ")) {
				withoutSince.add(name);
			}
		}
		assertThat(withoutSince).as("supported API without @since in its Javadoc").isEmpty();
	}

	private static List<String> supported() {
		String page = page();
		return listed(page.substring(0, page.indexOf(INTERNAL_HEADING)));
	}

	private static List<String> internal() {
		String page = page();
		return listed(page.substring(page.indexOf(INTERNAL_HEADING)));
	}

	private static List<String> listed(String text) {
		List<String> names = new ArrayList<>();
		Matcher matcher = LISTED.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static String page() {
		String page = read(PAGE);
		assertThat(page).as(PAGE.toString()).contains(INTERNAL_HEADING);
		return page;
	}

	private static List<Class<?>> publicTypes() {
		try (Stream<Path> files = Files.walk(CLASSES.resolve("dev/llmtracing"))) {
			List<Class<?>> types = files.map(CLASSES::relativize)
				.map(Path::toString)
				.filter((file) -> file.endsWith(".class") && !file.contains("$")
						&& !file.endsWith("package-info.class"))
				.<Class<?>>map((file) -> load(file.substring(0, file.length() - ".class".length()).replace('/', '.')))
				.filter((type) -> Modifier.isPublic(type.getModifiers()))
				.toList();
			assertThat(types).as("public types under " + CLASSES.toAbsolutePath()).isNotEmpty();
			return types;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, PublicApiTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String typeJavadoc(String name) {
		String simpleName = name.substring(name.lastIndexOf('.') + 1);
		String source = read(SOURCES.resolve(name.replace('.', '/') + ".java"));
		Matcher declaration = Pattern
			.compile("^public\\s+(?:\\w+\\s+)*(?:class|interface|enum|record|@interface)\\s+" + simpleName + "\\b",
					Pattern.MULTILINE)
			.matcher(source);
		assertThat(declaration.find()).as("declaration of " + name).isTrue();
		int start = source.lastIndexOf("/**", declaration.start());
		return (start >= 0) ? source.substring(start, declaration.start()) : "";
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
