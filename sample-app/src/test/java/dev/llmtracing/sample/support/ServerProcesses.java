package dev.llmtracing.sample.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops the server processes that the end-to-end tests start, and removes their files.
 *
 * @author llm-tracing
 */
public final class ServerProcesses {

	private ServerProcesses() {
	}

	/**
	 * Stop a process, forcibly if it does not end within ten seconds, then delete a path
	 * and everything below it.
	 * @param process the process
	 * @param files the file or folder to delete
	 * @throws IOException if the files cannot be deleted
	 */
	public static void stop(Process process, Path files) throws IOException {
		process.destroy();
		try {
			if (!process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (Files.exists(files)) {
			try (Stream<Path> paths = Files.walk(files)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

}
