package org.tredegar.notifications.domain;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words a text can be on its own, in every language we write in (and Welsh, spoken in our first hubs). A text is a
 * keyword only when it is nothing else: "stop" is STOP, "please stop by with bread" is not. STOP, START and HELP are
 * read before any conversation sees the text (in RapidPro people found them swallowed by running flows).
 */
public enum Keyword {
    STOP, START, HELP, YES, NO, DONE, CANT, OFF, ON;

    /** Word → keyword and the language it is in (null: the same in several languages). */
    private record Meaning(Keyword keyword, String language) {
    }

    private static final Map<String, Meaning> WORDS = new LinkedHashMap<>();

    static {
        words(STOP, null, "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
        words(STOP, "es", "PARAR", "BAJA", "ALTO");
        words(STOP, "fr", "ARRET", "ARRETER", "DESABONNER");
        words(STOP, "ar", "ايقاف", "إيقاف", "الغاء", "إلغاء");
        words(STOP, "en", "STOPIO", "DAD"); // Welsh: "stop"; replies are in English, which every Welsh speaker here reads
        words(START, null, "START", "UNSTOP", "RESUME");
        words(START, "es", "INICIO", "ALTA", "EMPEZAR");
        words(START, "fr", "DEMARRER", "REPRENDRE");
        words(START, "ar", "ابدأ", "ابدا", "اشتراك");
        words(START, "en", "DECHRAU");
        words(HELP, null, "HELP", "INFO", "MENU");
        words(HELP, "es", "AYUDA");
        words(HELP, "fr", "AIDE");
        words(HELP, "ar", "مساعدة");
        words(HELP, "en", "CYMORTH");
        words(YES, null, "YES", "Y", "OK", "SI", "OUI", "IE", "نعم");
        words(NO, null, "NO", "N", "NON", "NA", "لا");
        words(DONE, null, "DONE", "FINISHED", "COMPLETE", "HECHO", "LISTO", "TERMINADO", "FAIT", "FINI", "TERMINE", "تم",
                "انتهيت", "WEDI GORFFEN", "GORFFEN");
        words(CANT, null, "CANT", "CAN T", "CANNOT", "CAN NOT", "NO PUEDO", "JE NE PEUX PAS", "PAS POSSIBLE", "لا أستطيع",
                "لا استطيع", "METHU");
        words(OFF, null, "OFF", "PAUSE", "BREAK", "DESCANSO", "توقف");
        words(ON, null, "ON", "BACK", "DISPONIBLE", "متاح");
    }

    private static void words(Keyword keyword, String language, String... words) {
        for (String word : words) {
            WORDS.put(normalise(word), new Meaning(keyword, language));
        }
    }

    /** The keyword this whole text is, if it is one. */
    public static Optional<Keyword> of(String text) {
        return Optional.ofNullable(WORDS.get(normalise(text))).map(Meaning::keyword);
    }

    /** The language the keyword is written in, when it tells (ARRET: French); empty when it does not. */
    public static Optional<String> languageOf(String text) {
        return Optional.ofNullable(WORDS.get(normalise(text))).map(Meaning::language);
    }

    /** "  Sí! " → "SI", "Arrêt." → "ARRET", "can't" → "CAN T", "نعم" stays: accents and punctuation do not change a word. */
    public static String normalise(String body) {
        if (body == null) {
            return "";
        }
        String stripped = Normalizer.normalize(body.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[\\p{Punct}\\s]+", " ").strip().toUpperCase(Locale.ROOT);
    }
}
