package org.tredegar.sandbox.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * The recipient GreenMail is told to deliver to once {@link MailCatcher} has kept the mail: it keeps nothing.
 * GreenMail's own mailboxes would grow without bound, and the sandbox serves mail from its bounded store only.
 */
final class NoMailbox implements GreenMailUser {
    private final String email;

    NoMailbox(String email) {
        this.email = email;
    }

    @Override
    public String getEmail() {
        return email;
    }

    @Override
    public String getLogin() {
        return email;
    }

    @Override
    public void deliver(MovingMessage message) {
        // kept by MailCatcher already
    }

    @Override
    public void deliver(MimeMessage message) {
        // kept by MailCatcher already
    }

    @Override
    public void create() {
        // nothing to create: there is no mailbox
    }

    @Override
    public void delete() {
        // nothing to delete
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public void setPassword(String password) {
        // no logins: the catcher takes mail from anyone
    }

    @Override
    public void authenticate(String password) {
        // no logins: the catcher takes mail from anyone
    }

    @Override
    public String getQualifiedMailboxName() {
        return "#mail." + email;
    }
}
