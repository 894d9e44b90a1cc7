package dev.llmtracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the packages of the main code depend on each other one way only, as the
 * design's layout says: inbound, then advisor and observation, then content, then record,
 * then the leaves. References are read from the source ({@code import}s and qualified
 * names outside comments), so a new dependency between packages shows up here and has to
 * be added to {@link #ALLOWED} on purpose.
 *
 * @author llm-tracing
 */
class PackageDependencyTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/llmtracing");

	private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.llmtracing\\.([a-z][a-z0-9]*)\\.[A-Za-z]");

	/**
	 * The packages each package may use. {@code autoconfigure} may use all of them and
	 * none may use it.
	 */
	private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
			Map.entry("advisor", Set.of("observation", "content", "context", "support")),
			Map.entry("observation", Set.of("content", "record", "context", "cost", "support")),
			Map.entry("metrics", Set.of("stage")), Map.entry("stage", Set.of("context", "observation", "support")),
			Map.entry("feedback", Set.of("record", "context", "support")), Map.entry("quality", Set.of()),
			Map.entry("request", Set.of("stage", "record", "context", "support")),
			Map.entry("replay", Set.of("content", "record", "redact", "crypto", "context", "support")),
			Map.entry("audit", Set.of("record", "crypto", "context", "support")),
			Map.entry("content", Set.of("record", "redact", "crypto", "support")),
			Map.entry("crypto", Set.of("record", "support")), Map.entry("record", Set.of("context", "cost", "support")),
			Map.entry("redact", Set.of("support")), Map.entry("context", Set.of()), Map.entry("cost", Set.of()),
			Map.entry("support", Set.of()));

	@Test
	void shouldOnlyUseAllowedPackages() {
		Map<String, Set<String>> uses = packageUses();
		Map<String, Set<String>> unexpected = new TreeMap<>();
		uses.forEach((pkg, used) -> {
			Set<String> allowed = pkg.equals("autoconfigure") ? uses.keySet() : ALLOWED.getOrDefault(pkg, Set.of());
			Set<String> extra = new TreeSet<>(used);
			extra.removeAll(allowed);
			if (!extra.isEmpty()) {
				unexpected.put(pkg, extra);
			}
		});
		assertThat(unexpected).as("package uses outside PackageDependencyTests.ALLOWED").isEmpty();
		assertThat(uses.keySet()).as("packages missing from PackageDependencyTests.ALLOWED")
			.allMatch((pkg) -> pkg.equals("autoconfigure") || ALLOWED.containsKey(pkg));
	}

	@Test
	void shouldNotHaveCycles() {
		Map<String, Set<String>> uses = packageUses();
		for (String pkg : uses.keySet()) {
			assertThat(pathBack(pkg, pkg, uses, new HashSet<>())).as("cycle through " + pkg).isNull();
		}
	}

	@Test
	void shouldNotLetAnythingUseAutoConfiguration() {
		packageUses().forEach((pkg, used) -> assertThat(used).as(pkg).doesNotContain("autoconfigure"));
	}

	private static List<String> pathBack(String from, String target, Map<String, Set<String>> uses, Set<String> seen) {
		for (String next : uses.getOrDefault(from, Set.of())) {
			if (next.equals(target)) {
				return new ArrayList<>(List.of(from, next));
			}
			if (seen.add(next)) {
				List<String> path = pathBack(next, target, uses, seen);
				if (path != null) {
					path.add(0, from);
					return path;
				}
			}
		}
		return null;
	}

	private static Map<String, Set<String>> packageUses() {
		Map<String, Set<String>> uses = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				String pkg = SOURCES.relativize(file).getName(0).toString();
				Set<String> used = uses.computeIfAbsent(pkg, (key) -> new TreeSet<>());
				for (String line : lines(file)) {
					String code = line.strip();
					if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")
							|| code.startsWith("package ")) {
						continue;
					}
					Matcher matcher = REFERENCE.matcher(code);
					while (matcher.find()) {
						if (!matcher.group(1).equals(pkg)) {
							used.add(matcher.group(1));
						}
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(uses).as("main sources under " + SOURCES.toAbsolutePath()).containsKeys("record", "observation");
		return uses;
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
