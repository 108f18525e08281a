package org.tredegar.requests.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text says the help is needed, as far as the hub knows its places: a street or landmark of one of its areas
 * (with that place's point), a full UK postcode or a postcode district of the hub ({@code NP22 3AB}, {@code NP22}).
 * Anything else is not guessed at: the words stay in the request for a coordinator.
 */
final class SmsPlaces {
    private static final Pattern POSTCODE = Pattern.compile("(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})(?![A-Z0-9])");
    private static final Pattern DISTRICT = Pattern.compile("(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?)(?![A-Z0-9])");

    private SmsPlaces() {
    }

    /** The place the text names, as the request stores it ({@code area} is the label); empty when it names none. */
    static Optional<RequestForHelp.Place> in(Hub hub, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Hub.Landmark> landmark = landmark(hub, text);
        Optional<String> postcode = postcode(hub, text);
        if (landmark.isPresent()) {
            Hub.Landmark l = landmark.get();
            String label = postcode.map(p -> l.name() + ", " + p).orElse(l.name());
            return Optional.of(new RequestForHelp.Place(l.lat(), l.lon(), label));
        }
        return postcode.map(p -> new RequestForHelp.Place(null, null, p));
    }

    /** A full postcode in one of the hub's districts ("NP22 3AB", however spaced), else one of its districts alone. */
    private static Optional<String> postcode(Hub hub, String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        Matcher full = POSTCODE.matcher(upper);
        while (full.find()) {
            if (hub.hasPostcodeDistrict(full.group(1))) {
                return Optional.of(full.group(1) + " " + full.group(2));
            }
        }
        Matcher district = DISTRICT.matcher(upper);
        while (district.find()) {
            if (hub.hasPostcodeDistrict(district.group(1))) {
                return Optional.of(district.group(1));
            }
        }
        return Optional.empty();
    }

    /** A landmark named in the text: its words in a row, with "st"/"rd" read as street/road and a leading "the" optional. */
    private static Optional<Hub.Landmark> landmark(Hub hub, String text) {
        String said = " " + streets(SmsWords.plain(text)) + " ";
        for (Hub.Area area : hub.areas()) {
            for (Hub.Landmark l : area.landmarks()) {
                for (String name : names(l)) {
                    if (said.contains(" " + name + " ")) {
                        return Optional.of(l);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> names(Hub.Landmark l) {
        String name = streets(SmsWords.plain(l.name()));
        List<String> names = new ArrayList<>(List.of(name));
        if (name.startsWith("the ") && name.length() > 4) {
            names.add(name.substring(4));
        }
        return names;
    }

    private static String streets(String plain) {
        return (" " + plain + " ").replace(" st ", " street ").replace(" rd ", " road ").replace(" ave ", " avenue ").strip();
    }
}
