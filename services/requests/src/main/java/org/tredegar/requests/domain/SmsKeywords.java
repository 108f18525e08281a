package org.tredegar.requests.domain;

import org.tredegar.contracts.model.HelpCategory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.tredegar.contracts.model.HelpCategory.BABY_SUPPLIES;
import static org.tredegar.contracts.model.HelpCategory.CHECK_IN_CALL;
import static org.tredegar.contracts.model.HelpCategory.CHILDCARE;
import static org.tredegar.contracts.model.HelpCategory.COMPANIONSHIP;
import static org.tredegar.contracts.model.HelpCategory.DEBRIS_CLEANUP;
import static org.tredegar.contracts.model.HelpCategory.EVACUATION;
import static org.tredegar.contracts.model.HelpCategory.GROCERIES;
import static org.tredegar.contracts.model.HelpCategory.HOUSEHOLD_REPAIR;
import static org.tredegar.contracts.model.HelpCategory.HYGIENE_SUPPLIES;
import static org.tredegar.contracts.model.HelpCategory.LEGAL_ACCOMPANIMENT;
import static org.tredegar.contracts.model.HelpCategory.MEDICATION_PICKUP;
import static org.tredegar.contracts.model.HelpCategory.MENTAL_HEALTH_SUPPORT;
import static org.tredegar.contracts.model.HelpCategory.PET_CARE;
import static org.tredegar.contracts.model.HelpCategory.PREPARED_MEALS;
import static org.tredegar.contracts.model.HelpCategory.SHELTER;
import static org.tredegar.contracts.model.HelpCategory.TRANSLATION;
import static org.tredegar.contracts.model.HelpCategory.TRANSPORT;
import static org.tredegar.contracts.model.HelpCategory.WARMTH;

/**
 * Words that say what is needed, in English, Spanish, French, Welsh and Arabic. Simple on purpose: a text that
 * matches nothing is asked about, and a coordinator triages every request anyway, so a missed word costs one question
 * and a wrong one a correction. Words that often mean something else ("call me", "can't lift", "a cold") are left out.
 * Each word belongs to one category; several words in a text: the earliest wins, and the longer phrase at one place
 * ("hot food" over "food").
 */
final class SmsKeywords {
    private static final Map<HelpCategory, List<String>> WORDS = new java.util.LinkedHashMap<>();

    static {
        words(GROCERIES, "shopping", "groceries", "grocery", "food", "foodbank", "food bank", "food parcel", "bread",
                "milk", "something to eat", "comida", "compra", "compras", "alimentos", "banco de alimentos",
                "supermercado", "courses", "nourriture", "épicerie", "alimentation", "banque alimentaire",
                "colis alimentaire", "manger", "bwyd", "siopa", "banc bwyd", "طعام", "أكل", "بقالة", "تسوق", "غذاء",
                "مواد غذائية");
        words(PREPARED_MEALS, "hot meal", "hot meals", "cooked meal", "meal", "meals", "hot food", "dinner", "lunch",
                "comida caliente", "comida preparada", "cena", "almuerzo", "repas", "plat chaud", "dîner", "déjeuner",
                "pryd o fwyd", "prydau", "cinio", "swper", "وجبة", "وجبات", "أكل جاهز", "عشاء", "غداء");
        words(MEDICATION_PICKUP, "medicine", "medicines", "medication", "medications", "prescription", "prescriptions",
                "pharmacy", "chemist", "tablets", "pills", "medicina", "medicinas", "medicamento", "medicamentos",
                "receta", "farmacia", "pastillas", "médicament", "médicaments", "ordonnance", "pharmacie", "moddion",
                "meddyginiaeth", "presgripsiwn", "fferyllfa", "tabledi", "دواء", "أدوية", "صيدلية", "وصفة طبية");
        words(TRANSPORT, "a lift", "lift to", "ride", "taxi", "transport", "drive me", "take me to", "transporte",
                "llevarme", "trajet", "emmener", "lifft", "trafnidiaeth", "tacsi", "توصيل", "مواصلات", "تاكسي");
        words(CHECK_IN_CALL, "check in", "check on me", "welfare call", "welfare check", "phone call", "llamada",
                "appel téléphonique", "galwad", "galwad ffôn", "مكالمة");
        words(WARMTH, "heating", "heater", "blanket", "blankets", "coat", "coats", "freezing", "no heat", "warmth",
                "calefacción", "manta", "mantas", "abrigo", "chauffage", "couverture", "couvertures", "manteau", "gwres",
                "blanced", "blancedi", "tedeiad", "تدفئة", "بطانية", "بطانيات", "معطف");
        words(HOUSEHOLD_REPAIR, "repair", "repairs", "fix", "leak", "leaking", "reparación", "arreglar", "fuga",
                "réparation", "réparer", "fuite", "trwsio", "atgyweirio", "تصليح", "إصلاح", "تسريب");
        words(BABY_SUPPLIES, "nappies", "nappy", "diapers", "baby formula", "formula", "baby milk", "pañales",
                "leche de bebé", "couches", "lait bébé", "cewynnau", "llaeth babi", "حفاضات", "حليب أطفال");
        words(HYGIENE_SUPPLIES, "toiletries", "soap", "sanitary", "period products", "toothpaste", "shampoo",
                "higiene", "jabón", "hygiène", "savon", "sebon", "صابون", "مستلزمات نظافة");
        words(PET_CARE, "dog", "cat", "pet", "perro", "gato", "mascota", "chien", "ci", "cath", "كلب", "قطة");
        words(CHILDCARE, "childcare", "babysit", "babysitter", "school run", "niñera", "cuidar a mis hijos",
                "garde d'enfants", "nounou", "gofal plant", "رعاية أطفال", "حضانة");
        words(COMPANIONSHIP, "lonely", "loneliness", "company", "soledad", "compañía", "solitude", "compagnie", "unig",
                "cwmni", "وحدة", "وحيد");
        words(MENTAL_HEALTH_SUPPORT, "anxious", "anxiety", "depressed", "mental health", "someone to talk to",
                "ansiedad", "salud mental", "anxiété", "santé mentale", "iechyd meddwl", "قلق", "اكتئاب");
        words(SHELTER, "homeless", "somewhere to sleep", "nowhere to stay", "nowhere to sleep", "shelter", "evicted",
                "refugio", "sin hogar", "donde dormir", "sans abri", "hébergement", "digartref", "lloches", "مأوى");
        words(TRANSLATION, "translate", "translation", "interpreter", "traducción", "traductor", "intérprete",
                "traduction", "cyfieithu", "cyfieithydd", "ترجمة", "مترجم");
        words(EVACUATION, "evacuate", "evacuation", "evacuar", "évacuer", "évacuation", "gwacáu", "إخلاء");
        words(DEBRIS_CLEANUP, "debris", "clean up", "cleanup", "storm damage", "escombros", "nettoyage", "glanhau",
                "ركام");
        words(LEGAL_ACCOMPANIMENT, "court", "tribunal", "housing court", "juzgado", "llys", "محكمة");
    }

    /** Each keyword in plain words, with its category: built once, checked for a word given to two categories. */
    private record Keyword(List<String> words, HelpCategory category) {
    }

    private static final List<Keyword> KEYWORDS = keywords();

    private SmsKeywords() {
    }

    static Optional<HelpCategory> earliest(List<List<String>> text) {
        Keyword best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Keyword k : KEYWORDS) {
            int at = firstAt(text, k.words());
            if (at >= 0 && (at < bestAt || (at == bestAt && k.words().size() > best.words().size()))) {
                best = k;
                bestAt = at;
            }
        }
        return Optional.ofNullable(best).map(Keyword::category);
    }

    private static int firstAt(List<List<String>> text, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.size() && all; j++) {
                all = text.get(i + j).contains(phrase.get(j));
            }
            if (all) {
                return i;
            }
        }
        return -1;
    }

    private static void words(HelpCategory category, String... words) {
        WORDS.put(category, List.of(words));
    }

    private static List<Keyword> keywords() {
        List<Keyword> all = new ArrayList<>();
        Map<String, HelpCategory> seen = new HashMap<>();
        WORDS.forEach((category, words) -> {
            for (String w : words) {
                String plain = SmsWords.plain(w);
                HelpCategory before = seen.putIfAbsent(plain, category);
                if (before != null && before != category) {
                    throw new IllegalStateException("keyword '" + w + "' is given to " + before.slug() + " and " + category.slug());
                }
                all.add(new Keyword(List.of(plain.split(" ")), category));
            }
        });
        return List.copyOf(all);
    }
}
