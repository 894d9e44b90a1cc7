package dev.llmtracing.tools.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import dev.llmtracing.crypto.AesGcmContentEncryptor;
import dev.llmtracing.crypto.ContentDecryptionException;
import dev.llmtracing.crypto.ContentEncryptor;
import org.jspecify.annotations.Nullable;

/**
 * The {@code decrypt} command: prints JSON lines files (an exchange log or an audit
 * trail) with their encrypted content decrypted. In each line, the
 * {@code "llm.content.encrypted"} object is replaced by the members of the decrypted JSON
 * object and the rest of the line is printed as it is; other lines are printed as they
 * are. A line that cannot be decrypted is printed as it is and reported on the error
 * stream, and the command goes on. A decrypted audit trail no longer verifies: it is for
 * reading.
 * <p>
 * Keys are given as {@code --key <keyId>=<base64>} or, to keep them out of the shell
 * history, as {@code --key-env <keyId>=<ENV_VAR>}. Exit code 0: all content decrypted; 1:
 * some lines could not be decrypted; 2: bad arguments or a file that cannot be read. No
 * message shows a key.
 *
 * @author llm-tracing
 */
public final class DecryptCommand {

	/**
	 * The usage of the command.
	 */
	public static final String USAGE = "decrypt --key <keyId>=<base64> | --key-env <keyId>=<ENV_VAR> [...] <file.jsonl>...";

	private static final String COMMAND = "Usage: java -jar llm-tracing-tools.jar " + USAGE;

	private DecryptCommand() {
	}

	/**
	 * Decrypt files, with keys from the arguments or the environment.
	 * @param args the keys and files
	 * @param out where to print the lines, in UTF-8
	 * @param err where to print what could not be decrypted
	 * @return the exit code: 0 when all content decrypted, 1 when some did not and 2 on
	 * bad arguments or a file that cannot be read
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, System::getenv);
	}

	static int run(String[] args, PrintStream out, PrintStream err, Function<String, @Nullable String> environment) {
		DecryptArguments arguments;
		try {
			arguments = DecryptArguments.parse(args, environment);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(COMMAND);
			return 2;
		}
		ContentEncryptor encryptor = new AesGcmContentEncryptor(arguments.keyRing());
		boolean failed = false;
		for (Path file : arguments.files()) {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
				long number = 0;
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					number++;
					try {
						out.print(decrypt(encryptor, line));
					}
					catch (ContentDecryptionException ex) {
						failed = true;
						out.print(line);
						err.println(file + ": line " + number + ": cannot decrypt (" + ex.getMessage() + ")");
					}
					out.print('\n');
				}
			}
			catch (IOException ex) {
				err.println("cannot read " + file + ": " + ex.getMessage());
				return 2;
			}
		}
		return failed ? 1 : 0;
	}

	private static String decrypt(ContentEncryptor encryptor, String line) {
		EncryptedLine encrypted = EncryptedLine.find(line);
		if (encrypted == null) {
			return line;
		}
		byte[] plaintext = encryptor.decrypt(encrypted.content());
		return encrypted.splice(new String(plaintext, StandardCharsets.UTF_8));
	}

}
