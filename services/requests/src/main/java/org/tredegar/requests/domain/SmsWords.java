package org.tredegar.requests.domain;

import org.tredegar.contracts.model.HelpCategory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reading a text message: its language prefix ({@code es: ...}), what it asks for (keywords, {@link SmsKeywords}), a
 * numbered choice, a yes or a no. Every reading works in each of our languages whatever the conversation's language,
 * since people answer in the words they have. Texts are compared in a plain form: lower case, no accents or Arabic
 * vowel marks, one spelling of alef, and no punctuation or emoji.
 */
final class SmsWords {
    /** What "what do you need?" offers, by number 1..N: the common needs, {@code other} last. */
    static final List<HelpCategory> CHOICES = List.of(HelpCategory.GROCERIES, HelpCategory.PREPARED_MEALS,
            HelpCategory.MEDICATION_PICKUP, HelpCategory.TRANSPORT, HelpCategory.CHECK_IN_CALL, HelpCategory.WARMTH,
            HelpCategory.HOUSEHOLD_REPAIR, HelpCategory.OTHER);

    private static final Pattern LANGUAGE_PREFIX = Pattern.compile("^\\s*([A-Za-z]{2})(-[A-Za-z0-9]{2,8})?\\s*:\\s*(.*)$", Pattern.DOTALL);
    private static final Set<String> ISO_LANGUAGES = Set.copyOf(Arrays.asList(Locale.getISOLanguages()));
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words that may stand before a choice's number: "number 2", "option 3", "rhif 1", "رقم ٢". */
    private static final Set<String> NUMBER_WORDS = Set.of("number", "no", "option", "choice", "numero", "num", "rhif",
            "رقم");
    private static final Set<String> YES = plainAll("yes", "y", "yeah", "yep", "yup", "yes please", "yes still",
            "still need help", "i still need help", "yes i still need help", "still need it", "need help",
            "si", "sí", "si por favor", "todavia", "todavía", "sigo necesitando ayuda",
            "oui", "ouais", "oui merci", "oui s'il vous plait", "toujours",
            "ie", "oes", "do", "ie plis", "oes plis",
            "نعم", "اي", "ايوه", "ايه", "أجل", "نعم من فضلك", "ما زلت احتاج مساعدة");
    private static final Set<String> NO = plainAll("no", "n", "nope", "nah", "no thanks", "no thank you", "no need",
            "all good", "all good thanks", "all sorted", "sorted", "im ok", "i'm ok", "im okay", "i'm okay", "im fine",
            "i'm fine", "fine", "fine thanks", "all fine", "ok thanks", "okay thanks", "thanks", "thank you", "thankyou",
            "thanks so much", "thank you so much", "many thanks", "ta", "cheers", "done", "help arrived", "got it thanks",
            "no gracias", "gracias", "muchas gracias", "todo bien", "estoy bien", "ya no",
            "non", "non merci", "merci", "merci beaucoup", "ca va", "ça va", "tout va bien", "c'est bon", "ca va merci",
            "na", "naddo", "nac oes", "na diolch", "diolch", "diolch yn fawr", "iawn", "popeth yn iawn", "dim diolch",
            "لا", "لا شكرا", "شكرا", "شكراً", "شكرا جزيلا", "تمام", "الحمد لله", "كله تمام", "لا احتاج");
    /** Emoji that answer "do you still need help?" with "no, thank you". */
    private static final Set<Integer> THANKS_EMOJI = Set.of(0x1F44D, 0x1F64F, 0x2764, 0x1F44C, 0x1F60A, 0x1F642, 0x263A);

    private SmsWords() {
    }

    /** A text and the language it named with a prefix ({@code cy: ...}), or null when it named none. */
    record Prefixed(String language, String text) {
    }

    /** Splits off an {@code xx:} or {@code xx-YY:} language prefix naming an ISO 639 language, as the channel always has. */
    static Prefixed prefixed(String body) {
        String text = body == null ? "" : body.strip();
        Matcher m = LANGUAGE_PREFIX.matcher(text);
        if (m.matches() && ISO_LANGUAGES.contains(m.group(1).toLowerCase(Locale.ROOT)) && !m.group(3).isBlank()) {
            return new Prefixed(m.group(1).toLowerCase(Locale.ROOT) + (m.group(2) == null ? "" : m.group(2)), m.group(3).strip());
        }
        return new Prefixed(null, text);
    }

    /** Lower case, no accents or vowel marks, one alef, words split by single spaces; emoji and punctuation gone. */
    static String plain(String text) {
        String lower = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        lower = MARKS.matcher(lower).replaceAll("");
        lower = lower.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا').replace('ى', 'ي').replace('ة', 'ه')
                .replace("\u0640", "");
        return NOT_WORD.matcher(lower).replaceAll(" ").strip();
    }

    /** True when the text has no letter or digit at all: empty, spaces, emoji, punctuation. */
    static boolean wordless(String text) {
        return plain(text).isEmpty();
    }

    /** The number's choice (1..N of {@link #CHOICES}) when the text is only a number, or a number after "number". */
    static Optional<HelpCategory> choice(String text) {
        String[] words = plain(text).split(" ");
        String number = words.length == 1 ? words[0]
                : words.length == 2 && NUMBER_WORDS.contains(words[0]) ? words[1] : null;
        if (number == null || number.isEmpty() || number.length() > 2 || !number.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int n = 0;
        for (int i = 0; i < number.length(); i++) {
            n = n * 10 + Character.digit(number.charAt(i), 10); // Arabic-Indic digits too: ٢ is 2
        }
        return n >= 1 && n <= CHOICES.size() ? Optional.of(CHOICES.get(n - 1)) : Optional.empty();
    }

    /** The choice a text starts with ("2, Castle Street"): a number 1..N as its first word. */
    static Optional<HelpCategory> leadingChoice(String text) {
        String[] words = plain(text).split(" ");
        return words.length > 1 ? choice(words[0]) : Optional.empty();
    }

    /** The category the text asks for by a keyword (the earliest one in the text), if any. */
    static Optional<HelpCategory> category(String text) {
        return SmsKeywords.earliest(words(text));
    }

    static boolean yes(String text) {
        return YES.contains(plain(text));
    }

    /** "No", "all good", "thanks" (or 👍, 🙏): the answer of someone who needs nothing more. */
    static boolean no(String text) {
        if (NO.contains(plain(text))) {
            return true;
        }
        int[] emoji = (text == null ? "" : text).codePoints()
                .filter(c -> !Character.isWhitespace(c) && c != 0xFE0F && !(c >= 0x1F3FB && c <= 0x1F3FF)).toArray();
        return emoji.length > 0 && Arrays.stream(emoji).allMatch(THANKS_EMOJI::contains);
    }

    /**
     * The text's words in order, each with the forms it is also read as: an Arabic word without its article or
     * "and" ("والطعام" is also "طعام"), so keywords need not list every prefix.
     */
    static List<List<String>> words(String text) {
        String plain = plain(text);
        List<List<String>> words = new ArrayList<>();
        if (plain.isEmpty()) {
            return words;
        }
        for (String w : plain.split(" ")) {
            List<String> forms = new ArrayList<>(List.of(w));
            for (String prefix : List.of("وال", "بال", "فال", "كال", "لل", "ال", "و")) {
                if (w.startsWith(prefix) && w.length() > prefix.length() + 1) {
                    forms.add(w.substring(prefix.length()));
                }
            }
            words.add(forms);
        }
        return words;
    }

    private static Set<String> plainAll(String... texts) {
        return Arrays.stream(texts).map(SmsWords::plain).collect(Collectors.toUnmodifiableSet());
    }
}
