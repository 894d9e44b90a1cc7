package dev.llmtracing.tools.crypto;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.llmtracing.crypto.KeyRing;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@link DecryptCommand}: the keys and the files. No message shows a
 * key, nor an argument that may be one.
 *
 * @param keyRing the keys
 * @param files the files to decrypt, in order
 * @author llm-tracing
 */
record DecryptArguments(KeyRing keyRing, List<Path> files) {

	private static final String KEY_FORM = "--key needs <keyId>=<base64> and --key-env <keyId>=<ENV_VAR>";

	/**
	 * Parse the arguments.
	 * @param args the command line arguments
	 * @param environment the environment variables, by name
	 * @return the arguments
	 * @throws IllegalArgumentException if the arguments are not valid
	 */
	static DecryptArguments parse(String[] args, Function<String, @Nullable String> environment) {
		Map<String, String> keys = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			boolean fromEnvironment = arg.equals("--key-env");
			if (arg.equals("--key") || fromEnvironment) {
				String value = (i + 1 < args.length) ? args[++i] : "";
				int equals = value.indexOf('=');
				// Also catches a bare key with '=' padding: later messages name the id
				if (equals <= 0 || value.chars().skip(equals + 1L).allMatch((ch) -> ch == '=')) {
					throw new IllegalArgumentException(KEY_FORM);
				}
				String id = value.substring(0, equals);
				if (!KeyRing.isKeyId(id)) {
					throw new IllegalArgumentException(
							"argument " + (i + 1) + ": a key id may use only letters, digits, '.', '_' and '-'");
				}
				if (keys.containsKey(id)) {
					throw new IllegalArgumentException("key id '" + id + "' is given twice");
				}
				String key = value.substring(equals + 1);
				if (fromEnvironment) {
					String name = key;
					key = environment.apply(name);
					if (key == null) {
						throw new IllegalArgumentException("environment variable " + name + " is not set");
					}
					sources.put(id, "--key-env " + value);
				}
				else {
					sources.put(id, "--key " + id);
				}
				keys.put(id, key);
			}
			else if (arg.startsWith("-")) {
				int equals = arg.indexOf('=');
				throw new IllegalArgumentException("unknown option " + ((equals > 0) ? arg.substring(0, equals) : arg));
			}
			else {
				files.add(file(arg, i + 1));
			}
		}
		if (keys.isEmpty() || files.isEmpty()) {
			throw new IllegalArgumentException("give at least one --key or --key-env and at least one file");
		}
		KeyRing.Names names = new KeyRing.Names("--key", "--key", sources::get);
		return new DecryptArguments(KeyRing.of(names, keys.keySet().iterator().next(), keys), files);
	}

	private static Path file(String arg, int number) {
		try {
			Path file = Path.of(arg);
			if (Files.isRegularFile(file)) {
				return file;
			}
		}
		catch (InvalidPathException ex) {
			// Reported below, without the exception's message that quotes the argument
		}
		// A key given without --key must not be echoed
		throw new IllegalArgumentException((arg.indexOf('=') >= 0)
				? "argument " + number + " is not a file (a key goes after --key)" : "no such file: " + arg);
	}

}
