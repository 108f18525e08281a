package org.tredegar.sandbox.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The readable text of an email: its text/plain part, else its text/html part with the markup taken out (enough to
 * read and to assert on; not a renderer). Attachments are skipped.
 */
final class MimeText {
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/li|/h[1-6]|/tr)[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private MimeText() {
    }

    static String of(Part message) throws MessagingException, IOException {
        String plain = find(message, "text/plain");
        if (plain != null) {
            return unixLines(plain).strip();
        }
        String html = find(message, "text/html");
        return html == null ? "" : fromHtml(unixLines(html));
    }

    /** SMTP carries CRLF line ends; readers and assertions want plain "\n". */
    private static String unixLines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String text ? text : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String fromHtml(String html) {
        String text = SCRIPT_OR_STYLE.matcher(html).replaceAll("");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").strip();
    }
}
