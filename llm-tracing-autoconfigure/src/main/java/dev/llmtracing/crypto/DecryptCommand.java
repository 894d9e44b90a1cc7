package dev.llmtracing.crypto;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Prints JSON lines files (an exchange log or an audit trail) with their encrypted
 * content decrypted, without a JSON library. In each line, the
 * {@code "llm.content.encrypted"} object is replaced by the members of the decrypted JSON
 * object; other lines are printed as they are. A line that cannot be decrypted is printed
 * as it is and reported on the error stream, and the command goes on. A decrypted audit
 * trail no longer verifies: it is for reading.
 * <p>
 * Keys are given as {@code --key <keyId>=<base64>} or, to keep them out of the shell
 * history, as {@code --key-env <keyId>=<ENV_VAR>}. Exit code 0: all content decrypted; 1:
 * some lines could not be decrypted; 2: bad arguments or a file that cannot be read. No
 * message shows a key.
 *
 * @author llm-tracing
 */
public final class DecryptCommand {

	private static final String USAGE = "Usage: java -cp <classpath> " + DecryptCommand.class.getName()
			+ " --key <keyId>=<base64> | --key-env <keyId>=<ENV_VAR> [...] <file.jsonl>...";

	private DecryptCommand() {
	}

	/**
	 * Decrypt files to the standard output, in UTF-8, and exit with 0 when all content
	 * decrypted, 1 when some did not and 2 on bad arguments.
	 * @param args the keys and files
	 */
	public static void main(String[] args) {
		PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
				StandardCharsets.UTF_8);
		int status = run(args, out, System.err);
		out.flush();
		System.exit(status);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, System::getenv);
	}

	static int run(String[] args, PrintStream out, PrintStream err, Function<String, @Nullable String> environment) {
		DecryptArguments arguments;
		try {
			arguments = DecryptArguments.parse(args, environment);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(USAGE);
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
