package org.tredegar.notifications.api;

import org.tredegar.notifications.domain.Alert;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes alerts as OASIS CAP 1.2 documents and as an Atom feed that carries them: the alert endpoints' formats. */
public final class CapWriter {
    public static final String CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    public static final String CAP_MEDIA_TYPE = "application/cap+xml";
    /** CAP's dateTime: seconds, and an explicit offset (no "Z", no fractions). */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    private CapWriter() {
    }

    public static String cap(Alert alert) {
        return write(w -> alert(w, alert));
    }

    public static String atom(List<Alert> alerts, String selfHref, String nextHref, String capHrefBase, Instant updated) {
        return write(w -> {
            w.writeStartElement("", "feed", ATOM_NS);
            w.writeDefaultNamespace(ATOM_NS);
            text(w, "id", "urn:tredegar:alerts");
            text(w, "title", "Tredegar public alerts");
            text(w, "updated", updated.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            w.writeStartElement("author");
            text(w, "name", "Tredegar");
            w.writeEndElement();
            link(w, "self", "application/atom+xml", selfHref);
            if (nextHref != null) {
                link(w, "next", "application/atom+xml", nextHref);
            }
            for (Alert a : alerts) {
                w.writeStartElement("entry");
                text(w, "id", "urn:uuid:" + a.id());
                text(w, "title", a.headline());
                text(w, "updated", a.sentAt().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                w.writeStartElement("author");
                text(w, "name", senderName(a));
                w.writeEndElement();
                text(w, "summary", a.description());
                link(w, "alternate", CAP_MEDIA_TYPE, capHrefBase + a.id() + ".cap");
                w.writeStartElement("content");
                w.writeAttribute("type", CAP_MEDIA_TYPE);
                alert(w, a);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static void alert(XMLStreamWriter w, Alert a) throws XMLStreamException {
        w.writeStartElement("", "alert", CAP_NS);
        w.writeDefaultNamespace(CAP_NS);
        text(w, "identifier", "urn:uuid:" + a.id());
        text(w, "sender", a.sender());
        text(w, "sent", capTime(a.sentAt()));
        text(w, "status", "Actual");
        text(w, "msgType", "Alert");
        text(w, "scope", "Public");
        w.writeStartElement("info");
        text(w, "language", "en");
        text(w, "category", "Other");
        text(w, "event", "Community notice");
        text(w, "urgency", a.urgency());
        text(w, "severity", a.severity());
        text(w, "certainty", a.certainty());
        if (a.expiresAt() != null) {
            text(w, "expires", capTime(a.expiresAt()));
        }
        text(w, "senderName", senderName(a));
        text(w, "headline", a.headline());
        text(w, "description", a.description());
        if (a.instruction() != null && !a.instruction().isBlank()) {
            text(w, "instruction", a.instruction());
        }
        w.writeStartElement("area");
        text(w, "areaDesc", "Area of the " + a.hubSlug() + " mutual-aid hub");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    static String capTime(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).format(CAP_TIME);
    }

    private static String senderName(Alert a) {
        return "Tredegar hub " + a.hubSlug();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write XML", e);
        }
        return out.toString();
    }
}
