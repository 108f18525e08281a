package org.tredegar.sandbox.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.sandbox.config.SandboxConfig;
import org.tredegar.sandbox.inbound.InboundTexts;
import org.tredegar.sandbox.mail.CaughtMail;
import org.tredegar.sandbox.mail.MailCatcher;
import org.tredegar.sandbox.mail.MailStore;
import org.tredegar.sandbox.store.Text;
import org.tredegar.sandbox.store.TextStore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the page from the stores: one conversation per phone (every number seen that is not the platform's side)
 * and one inbox per address, each newest first, the phones and inboxes most recently active first.
 */
@ApplicationScoped
public class PageModels {
    /** Enough to follow a conversation; the API has every text. */
    static final int ROWS_PER_PHONE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    SandboxConfig config;
    @Inject
    TextStore texts;
    @Inject
    MailStore mails;
    @Inject
    MailCatcher catcher;
    @Inject
    InboundTexts inbound;

    public PageModel build(PageModel.Form form, List<PageModel.FieldError> errors, PageModel.Notice notice) {
        List<PageModel.Hub> hubs = config.hubs().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(hub -> new PageModel.Hub(hub.getKey(), hub.getValue(), inbound.inboundUrlFor(hub.getValue()).orElse(null)))
                .toList();
        return new PageModel(hubs, phones(), inboxes(), form, errors, notice, catcher.running() ? catcher.port() : config.smtp().port());
    }

    private List<PageModel.Phone> phones() {
        Map<String, List<Text>> byPhone = newestFirstGroups(texts.list(text -> true), Text::phone, Text::createdAt);
        List<PageModel.Phone> phones = new ArrayList<>();
        byPhone.forEach((number, conversation) -> phones.add(new PageModel.Phone(number, anchor("phone-", number),
                conversation.stream().limit(ROWS_PER_PHONE).map(PageModels::row).toList(), conversation.size())));
        return phones;
    }

    private List<PageModel.Inbox> inboxes() {
        Map<String, List<CaughtMail>> byAddress = newestFirstGroups(mails.list(mail -> true), CaughtMail::to, CaughtMail::at);
        List<PageModel.Inbox> inboxes = new ArrayList<>();
        byAddress.forEach((address, inbox) -> inboxes.add(new PageModel.Inbox(address, anchor("inbox-", address),
                inbox.stream().limit(ROWS_PER_PHONE).map(PageModels::row).toList(), inbox.size())));
        return inboxes;
    }

    /** Groups oldest-first items by key; each group newest first, groups ordered by their newest item. */
    private static <T> Map<String, List<T>> newestFirstGroups(List<T> oldestFirst, Function<T, String> key,
                                                              Function<T, Instant> time) {
        List<T> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparing(time).reversed());
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T item : newestFirst) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        return groups;
    }

    private static PageModel.TextRow row(Text text) {
        return new PageModel.TextRow(text.createdAt().toString(), TIME.format(text.createdAt()), text.direction().incoming(),
                text.platformSide(), text.body(), text.status());
    }

    private static PageModel.MailRow row(CaughtMail mail) {
        return new PageModel.MailRow(mail.at().toString(), TIME.format(mail.at()), mail.from(), mail.subject(), mail.text());
    }

    /** An id attribute from a number or address: letters, digits and dashes only. */
    static String anchor(String prefix, String value) {
        return prefix + value.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
