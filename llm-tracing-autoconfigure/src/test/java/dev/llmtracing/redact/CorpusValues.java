package dev.llmtracing.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.datafaker.Faker;
import net.datafaker.providers.base.Finance.CreditCardType;

/**
 * Sensitive values of the {@link GeneratedCorpusTests generated corpus}, made by
 * Datafaker for a locale: phone numbers in every format Datafaker writes (national,
 * international, mobile, without separators, with an extension), card numbers of every
 * scheme Datafaker knows plus Maestro (12 to 19 digits) and 15-digit JCB numbers, e-mail
 * addresses, IBANs, IPv4 and IPv6 addresses, API keys and JSON Web Tokens.
 *
 * @author llm-tracing
 */
final class CorpusValues {

	private static final List<String> MAESTRO = List.of("5018", "5020", "5038", "56", "57", "58", "6304", "6759",
			"6761", "6762", "6763");

	private static final List<String> SECRETS = List.of("sk-proj-[A-Za-z0-9]{40}", "sk-ant-api03-[A-Za-z0-9]{40}",
			"AKIA[A-Z0-9]{16}", "ghp_[A-Za-z0-9]{36}", "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{40}",
			"AIza[0-9A-Za-z]{35}", "xoxb-[0-9]{12}-[a-zA-Z0-9]{24}", "sk_live_[A-Za-z0-9]{24}");

	private static final Set<String> IBAN_COUNTRIES = Set.of("GB", "DE", "FR", "IT", "ES", "NL");

	private final CorpusLocale locale;

	private final Faker faker;

	private final Faker english;

	CorpusValues(CorpusLocale locale, long seed) {
		this.locale = locale;
		this.faker = new Faker(locale.locale(), new java.util.Random(seed));
		this.english = new Faker(Locale.US, new java.util.Random(seed));
	}

	Faker faker() {
		return this.faker;
	}

	String phone(int i) {
		var phone = this.faker.phoneNumber();
		return switch (i % 7) {
			case 0 -> phone.phoneNumber();
			case 1 -> phone.cellPhone();
			case 2 -> phone.phoneNumberNational();
			case 3 -> phone.phoneNumberInternational();
			case 4 -> phone.cellPhoneInternational();
			case 5 -> phone.phoneNumberNational().replaceAll("[^0-9]", "");
			default -> this.locale.region().equals("US") || this.locale.region().equals("GB")
					? phone.phoneNumber() + ((i % 2 == 0) ? "x" : " ext. ") + phone.extension() : phone.cellPhone();
		};
	}

	String card(int i) {
		CreditCardType[] types = CreditCardType.values();
		int pick = i % (types.length + 2);
		if (pick < types.length) {
			String card = this.faker.finance().creditCard(types[pick]);
			return switch (i % 3) {
				case 0 -> card;
				case 1 -> card.replace('-', ' ');
				default -> card.replace("-", "");
			};
		}
		String prefix = (pick == types.length) ? MAESTRO.get(i % MAESTRO.size()) : ((i % 2 == 0) ? "1800" : "2131");
		int length = (pick == types.length) ? 12 + (i / 3) % 8 : 15;
		String digits = withLuhnDigit(prefix + this.faker.number().digits(length - prefix.length() - 1));
		return (i % 2 == 0) ? digits : String.join(" ", digits.split("(?<=\\G.{4})"));
	}

	String email(int i) {
		String email = (i % 2 == 0) ? this.faker.internet().emailAddress() : this.faker.internet().safeEmailAddress();
		// Datafaker's Japanese names have no Latin letters, which leaves local parts like
		// "."
		return email.matches("[A-Za-z0-9][^@]*@.*") ? email : this.english.internet().emailAddress();
	}

	String iban(int i) {
		String country = this.locale.region();
		String iban = (i % 2 == 0 && IBAN_COUNTRIES.contains(country)) ? this.faker.finance().iban(country)
				: this.faker.finance().iban();
		return (i % 3 == 0) ? String.join(" ", iban.split("(?<=\\G.{4})")) : iban;
	}

	String ip(int i) {
		return switch (i % 4) {
			case 0 -> this.faker.internet().ipV4Address();
			case 1 -> this.faker.internet().privateIpV4Address();
			case 2 -> this.faker.internet().ipV6Address();
			default -> compressed(this.faker.internet().ipV6Address());
		};
	}

	String secret(int i) {
		return this.faker.regexify(SECRETS.get(i % SECRETS.size()));
	}

	String jwt(int i) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
		String payload = "{\"sub\":\"" + this.faker.internet().uuid() + "\",\"name\":\"" + this.faker.name().fullName()
				+ "\",\"iat\":" + (1_600_000_000 + i) + "}";
		return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(randomBytes(32));
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		for (int i = 0; i < count; i++) {
			bytes[i] = (byte) this.faker.random().nextInt(256);
		}
		return bytes;
	}

	private static String compressed(String ipV6) {
		String[] groups = ipV6.split(":");
		return groups[0] + ":" + groups[1] + "::" + groups[6] + ":" + groups[7];
	}

	static String withLuhnDigit(String digits) {
		for (int check = 0; check <= 9; check++) {
			if (luhn(digits + check)) {
				return digits + check;
			}
		}
		throw new IllegalStateException();
	}

	static boolean luhn(String number) {
		int sum = 0;
		for (int i = 0; i < number.length(); i++) {
			int digit = number.charAt(number.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
