package dev.llmtracing.redact;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import net.datafaker.Faker;

/**
 * Look-alikes of the {@link GeneratedCorpusTests generated corpus}, which must stay as
 * they are: dates, date-times, times, durations, version numbers, coordinates and amounts
 * (formatted for the locale) next to the phone numbers they resemble, and near misses of
 * the other kinds: Luhn-invalid or unissued card numbers, IBANs with a wrong check,
 * addresses without a domain, out-of-range IP addresses, too short keys and tokens.
 *
 * @author llm-tracing
 */
final class CorpusLookAlikes {

	private final CorpusLocale locale;

	private final Faker faker;

	private final CorpusValues values;

	CorpusLookAlikes(CorpusLocale locale, CorpusValues values) {
		this.locale = locale;
		this.values = values;
		this.faker = values.faker();
	}

	String date(int i) {
		LocalDateTime time = dateTime();
		return switch (i % 6) {
			case 0 -> time.toLocalDate().toString();
			case 1 -> time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
			case 2 ->
				time.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(this.locale.locale()));
			case 3 -> time.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
			case 4 -> time.format(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"));
			default -> time.toInstant(ZoneOffset.UTC).toString();
		};
	}

	String time(int i) {
		LocalDateTime time = dateTime();
		return switch (i % 3) {
			case 0 -> time.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
			case 1 -> time.format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS"));
			default ->
				time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(this.locale.locale()));
		};
	}

	String duration(int i) {
		Duration duration = Duration.ofSeconds(this.faker.number().numberBetween(1, 400_000));
		return switch (i % 3) {
			case 0 -> duration.toString();
			case 1 ->
				String.format("%02d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
			default -> duration.toHours() + "h " + duration.toMinutesPart() + "m " + duration.toSecondsPart() + "s";
		};
	}

	String version(int i) {
		return switch (i % 4) {
			case 0 -> this.faker.app().version();
			case 1 -> "v" + number(0, 20) + "." + number(0, 40) + "." + number(0, 300);
			case 2 -> number(1, 20) + ".0." + number(10_000, 99_999) + "." + number(0, 9_999);
			default -> number(1, 9) + "." + number(0, 9) + "." + number(0, 99) + "-rc." + number(1, 9);
		};
	}

	String coordinates(int i) {
		String latitude = this.faker.address().latitude();
		String longitude = this.faker.address().longitude();
		return (i % 2 == 0) ? latitude + ", " + longitude : latitude + " " + longitude;
	}

	String amount(int i) {
		BigDecimal amount = BigDecimal.valueOf(this.faker.number().numberBetween(100L, 99_999_999_999L), 2);
		return switch (i % 3) {
			case 0 -> NumberFormat.getCurrencyInstance(this.locale.locale()).format(amount);
			case 1 -> NumberFormat.getCurrencyInstance(this.locale.locale()).format(amount.longValue());
			default -> NumberFormat.getNumberInstance(this.locale.locale()).format(amount);
		};
	}

	String card(int i) {
		String card = this.values.card(i).replace("-", "").replace(" ", "");
		if (i % 2 == 0) {
			char last = card.charAt(card.length() - 1);
			return card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
		}
		// Luhn-valid, but no scheme issues numbers starting with 7 or 99
		String prefix = (i % 4 == 1) ? "7" : "99";
		return CorpusValues.withLuhnDigit(prefix + this.faker.number().digits(15 - prefix.length()));
	}

	String iban(int i) {
		String iban = this.values.iban(i);
		int check = (Integer.parseInt(iban.substring(2, 4)) + 1 + i % 50) % 100;
		return iban.substring(0, 2)
				+ String.format("%02d", (check == Integer.parseInt(iban.substring(2, 4))) ? 0 : check)
				+ iban.substring(4);
	}

	String email(int i) {
		String user = this.faker.internet().username().replaceAll("[^A-Za-z0-9.]", "");
		return switch (i % 3) {
			case 0 -> user + "@localhost";
			case 1 -> "@" + user;
			default -> user + " at example dot com";
		};
	}

	String ip(int i) {
		return switch (i % 2) {
			case 0 -> number(256, 999) + "." + number(0, 255) + "." + number(0, 255) + "." + number(0, 255);
			default -> number(1, 9) + "." + number(0, 9) + "." + number(0, 9) + "." + number(0, 9) + "." + number(0, 9);
		};
	}

	String secret(int i) {
		return switch (i % 3) {
			case 0 -> "sk-" + this.faker.lorem().word();
			case 1 -> "AKIA" + this.faker.regexify("[A-Z]{4}");
			default -> "ghp_" + this.faker.regexify("[a-z]{6}");
		};
	}

	String jwt(int i) {
		return "eyJ" + this.faker.regexify("[A-Za-z0-9]{20}") + ((i % 2 == 0) ? "" : ".abc");
	}

	private LocalDateTime dateTime() {
		return LocalDateTime.ofEpochSecond(this.faker.number().numberBetween(0L, 4_102_444_800L),
				this.faker.number().numberBetween(0, 999) * 1_000_000, ZoneOffset.UTC);
	}

	private int number(int min, int max) {
		return this.faker.number().numberBetween(min, max + 1);
	}

}
