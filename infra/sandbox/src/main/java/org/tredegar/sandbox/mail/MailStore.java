package org.tredegar.sandbox.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.sandbox.config.SandboxConfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** Caught mail, in memory, oldest first, bounded to {@code sandbox.capacity} like the texts. */
@ApplicationScoped
public class MailStore {
    private final Deque<CaughtMail> mails = new ArrayDeque<>();
    private final int capacity;

    @Inject
    public MailStore(SandboxConfig config) {
        this.capacity = config.capacity();
    }

    public synchronized void add(CaughtMail mail) {
        mails.addLast(mail);
        while (mails.size() > capacity) {
            mails.removeFirst();
        }
    }

    public synchronized List<CaughtMail> list(Predicate<CaughtMail> filter) {
        List<CaughtMail> matching = new ArrayList<>();
        for (CaughtMail mail : mails) {
            if (filter.test(mail)) {
                matching.add(mail);
            }
        }
        return matching;
    }
}
