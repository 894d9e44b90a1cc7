package dev.llmtracing.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rolled files of an audit file: {@code <name>.1} is the newest, {@code <name>.2} the
 * one before, and so on.
 *
 * @author llm-tracing
 */
final class RolledFiles {

	private RolledFiles() {
	}

	/**
	 * Return a rolled file of an audit file.
	 * @param file the audit file
	 * @param index the index of the rolled file, 1 for the newest
	 * @return the rolled file
	 */
	static Path rolled(Path file, int index) {
		return file.resolveSibling(file.getFileName() + "." + index);
	}

	/**
	 * Return the existing rolled files of an audit file, oldest first.
	 * @param file the audit file
	 * @return the rolled files, oldest first
	 * @throws IOException if the directory cannot be listed
	 */
	static List<Path> oldestFirst(Path file) throws IOException {
		List<Integer> indexes = indexes(file);
		indexes.sort(Comparator.reverseOrder());
		return indexes.stream().map((index) -> rolled(file, index)).toList();
	}

	/**
	 * Roll an audit file: delete the rolled files from {@code maxHistory} on, shift the
	 * others by one, and rename the file to {@code <name>.1} (or delete it when no
	 * history is kept).
	 * @param file the audit file
	 * @param maxHistory how many rolled files to keep
	 * @throws IOException if a file cannot be renamed or deleted
	 */
	static void roll(Path file, int maxHistory) throws IOException {
		for (int index : indexes(file)) {
			if (index >= maxHistory) {
				Files.delete(rolled(file, index));
			}
		}
		for (int index = maxHistory - 1; index >= 1; index--) {
			Path rolled = rolled(file, index);
			if (Files.exists(rolled)) {
				Files.move(rolled, rolled(file, index + 1), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		if (maxHistory > 0) {
			Files.move(file, rolled(file, 1), StandardCopyOption.REPLACE_EXISTING);
		}
		else {
			Files.delete(file);
		}
	}

	private static List<Integer> indexes(Path file) throws IOException {
		String prefix = file.getFileName() + ".";
		Path directory = file.toAbsolutePath().getParent();
		List<Integer> indexes = new ArrayList<>();
		if (directory == null || !Files.isDirectory(directory)) {
			return indexes;
		}
		try (Stream<Path> siblings = Files.list(directory)) {
			siblings.map((sibling) -> sibling.getFileName().toString())
				.filter((name) -> name.startsWith(prefix) && isIndex(name.substring(prefix.length())))
				.forEach((name) -> indexes.add(Integer.parseInt(name.substring(prefix.length()))));
		}
		return indexes;
	}

	private static boolean isIndex(String text) {
		if (text.isEmpty() || text.length() > 9 || text.charAt(0) == '0') {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
