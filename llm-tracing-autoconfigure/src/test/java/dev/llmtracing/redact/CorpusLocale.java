package dev.llmtracing.redact;

import java.util.List;
import java.util.Locale;

/**
 * The locales of the {@link GeneratedCorpusTests generated corpus}: sentences in each
 * locale's language around a value, and the names of the kinds of values. Japanese
 * sentences put the value directly next to kana and kanji, without spaces, as Japanese is
 * written.
 *
 * @author llm-tracing
 */
enum CorpusLocale {

	EN_US(Locale.US,
			List.of("My {n} is {v}, thanks.", "Please use {v} for the {n}.", "{N}: {v}",
					"You can check the {n} ({v}) today."),
			"phone number", "card number", "e-mail address", "IBAN", "IP address", "API key", "token", "date", "time",
			"duration", "version", "location", "amount"),

	EN_GB(Locale.UK, EN_US.frames, EN_US.nouns),

	JA_JP(Locale.JAPAN, List.of("{n}は{v}です。", "{v}までお願いします。", "{n}：{v}", "「{v}」を確認してください"), "電話番号", "カード番号", "メールアドレス",
			"IBAN", "IPアドレス", "APIキー", "トークン", "日付", "時刻", "所要時間", "バージョン", "座標", "金額"),

	DE_DE(Locale.GERMANY,
			List.of("Meine {n} ist {v}, danke.", "Bitte nutzen Sie {v} für die {n}.", "{N}: {v}",
					"Die {n} ({v}) gilt ab heute."),
			"Telefonnummer", "Kartennummer", "E-Mail-Adresse", "IBAN", "IP-Adresse", "API-Schlüssel", "Token", "Datum",
			"Uhrzeit", "Dauer", "Version", "Position", "Summe"),

	FR_FR(Locale.FRANCE,
			List.of("Mon {n} est {v}, merci.", "Veuillez utiliser {v} pour le {n}.", "{N} : {v}",
					"Le {n} ({v}) est valable dès aujourd'hui."),
			"numéro de téléphone", "numéro de carte", "e-mail", "IBAN", "adresse IP", "jeton d'API", "jeton",
			"rendez-vous", "horaire", "délai", "logiciel", "point GPS", "montant"),

	IT_IT(Locale.ITALY,
			List.of("Il mio {n} è {v}, grazie.", "Usi {v} per il {n}, per favore.", "{N}: {v}",
					"Il {n} ({v}) è valido da oggi."),
			"numero di telefono", "numero di carta", "indirizzo e-mail", "IBAN", "indirizzo IP", "codice API", "token",
			"giorno", "orario", "tempo", "rilascio", "punto GPS", "importo"),

	ES_ES(new Locale("es", "ES"),
			List.of("Mi {n} es {v}, gracias.", "Use {v} para el {n}, por favor.", "{N}: {v}",
					"El {n} ({v}) es válido desde hoy."),
			"número de teléfono", "número de tarjeta", "correo", "IBAN", "servidor", "código de API", "token", "día",
			"horario", "plazo", "programa", "punto GPS", "importe"),

	NL_NL(new Locale("nl", "NL"),
			List.of("Mijn {n} is {v}, bedankt.", "Gebruik {v} voor het {n}.", "{N}: {v}",
					"Het {n} ({v}) geldt vanaf vandaag."),
			"telefoonnummer", "kaartnummer", "e-mailadres", "IBAN", "IP-adres", "API-token", "token", "tijdstip", "uur",
			"interval", "versienummer", "GPS-punt", "bedrag");

	private final Locale locale;

	private final List<String> frames;

	private final String[] nouns;

	CorpusLocale(Locale locale, List<String> frames, String... nouns) {
		this.locale = locale;
		this.frames = frames;
		this.nouns = nouns;
	}

	Locale locale() {
		return this.locale;
	}

	String region() {
		return this.locale.getCountry();
	}

	/**
	 * Return a sentence around the value.
	 * @param kind what the value is, indexing the nouns
	 * @param value the value
	 * @param variant picks the sentence
	 * @return the sentence
	 */
	String sentence(Kind kind, String value, int variant) {
		String noun = this.nouns[kind.ordinal()];
		String capitalized = noun.substring(0, 1).toUpperCase(this.locale) + noun.substring(1);
		return this.frames.get(Math.floorMod(variant, this.frames.size()))
			.replace("{N}", capitalized)
			.replace("{n}", noun)
			.replace("{v}", value);
	}

	/**
	 * The kinds of values, in the order of the nouns.
	 */
	enum Kind {

		PHONE, CARD, EMAIL, IBAN, IP, SECRET, JWT, DATE, TIME, DURATION, VERSION, COORDINATES, AMOUNT

	}

}
