package dev.llmtracing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.llmtracing.redact.PiiMasker;
import net.logstash.logback.mask.RegexValueMasker;
import net.logstash.logback.mask.ValueMasker;

/**
 * The regex alternative to {@link PiiMasker}: one logstash-logback-encoder
 * {@link RegexValueMasker} per kind of data, with commonly used patterns, applied one
 * after another to the same text as {@code MaskingJsonGenerator} applies the configured
 * {@code <valueMasker>}s to a string value. The patterns do no checksum validation (Luhn,
 * mod-97), so look-alikes are masked too.
 *
 * @author llm-tracing
 */
public final class RegexMaskingChain {

	static final String SECRET = "sk-[A-Za-z0-9_-]{20,}|\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b|\\bgh[pousr]_[A-Za-z0-9]{36}\\b"
			+ "|\\bgithub_pat_\\w{22,}|\\bAIza[0-9A-Za-z_-]{35}|((?i:bearer)\\s+)[A-Za-z0-9._~+/-]+=*";

	static final String PRIVATE_KEY = "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----";

	static final String JWT = "eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

	static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

	static final String IBAN = "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b";

	static final String CARD = "\\b(?:\\d[ -]?){12,18}\\d\\b";

	static final String IP = "\\b(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\b"
			+ "|\\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\\b|\\b(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}\\b";

	static final String PHONE = "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)|\\d{1,4})[ .-]?\\d{3,4}[ .-]?\\d{3,4}(?!\\w)";

	private final List<ValueMasker> maskers;

	/**
	 * Create the chain for every kind of data in {@link PiiMasker#DETECTORS}.
	 */
	public RegexMaskingChain() {
		this(PiiMasker.DETECTORS);
	}

	/**
	 * Create the chain for the given kinds of data, in the order {@code PiiMasker} gives
	 * its detectors precedence: secrets, JSON Web Tokens, e-mail addresses, IBANs, cards,
	 * IP addresses, phone numbers.
	 * @param kinds the kinds, named as in {@link PiiMasker#DETECTORS}
	 */
	public RegexMaskingChain(Set<String> kinds) {
		List<ValueMasker> maskers = new ArrayList<>();
		add(maskers, kinds, "secrets", SECRET, "$1[SECRET]");
		add(maskers, kinds, "secrets", PRIVATE_KEY, "[PRIVATE_KEY]");
		add(maskers, kinds, "jwt", JWT, "[JWT]");
		add(maskers, kinds, "email", EMAIL, "[EMAIL]");
		add(maskers, kinds, "iban", IBAN, "[IBAN]");
		add(maskers, kinds, "card", CARD, "[CARD]");
		add(maskers, kinds, "ip", IP, "[IP]");
		add(maskers, kinds, "phone", PHONE, "[PHONE]");
		this.maskers = List.copyOf(maskers);
	}

	private static void add(List<ValueMasker> maskers, Set<String> kinds, String kind, String regex, String mask) {
		if (kinds.contains(kind)) {
			maskers.add(new RegexValueMasker(regex, mask));
		}
	}

	/**
	 * Mask the text as logstash-logback-encoder masks a string value: each masker sees
	 * the result of the previous one, and returns {@code null} when it changes nothing.
	 * The stream context is not used by {@link RegexValueMasker}, so none is passed.
	 * @param text the text
	 * @return the masked text, or the same instance if nothing matched
	 */
	public String mask(String text) {
		Object value = text;
		for (ValueMasker masker : this.maskers) {
			Object masked = masker.mask(null, value);
			if (masked != null) {
				value = masked;
			}
		}
		return (String) value;
	}

}
