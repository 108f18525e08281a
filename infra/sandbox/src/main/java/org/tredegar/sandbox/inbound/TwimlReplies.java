package org.tredegar.sandbox.inbound;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the TwiML a webhook answered: each {@code <Message>} of the {@code <Response>} is a text the provider sends
 * back, from the number that was texted to the sender (unless the element names {@code to}/{@code from}). The body
 * is the element's text, or its {@code <Body>} child's. An empty {@code <Response/>} sends nothing.
 */
final class TwimlReplies {
    private TwimlReplies() {
    }

    /** Empty when the answer is not TwiML at all (the provider's error 12100); a list, maybe empty, otherwise. */
    static Optional<List<Reply>> parse(String xml) {
        if (xml == null || xml.isBlank()) {
            return Optional.of(List.of());
        }
        try {
            Element response = parser().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            if (!"Response".equals(response.getTagName())) {
                return Optional.empty();
            }
            List<Reply> replies = new ArrayList<>();
            NodeList messages = response.getElementsByTagName("Message");
            for (int i = 0; i < messages.getLength(); i++) {
                Element message = (Element) messages.item(i);
                NodeList bodies = message.getElementsByTagName("Body");
                String body = bodies.getLength() > 0 ? bodies.item(0).getTextContent() : message.getTextContent();
                replies.add(new Reply(body.strip(), attribute(message, "to"), attribute(message, "from")));
            }
            return Optional.of(replies);
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static javax.xml.parsers.DocumentBuilder parser() {
        try {
            // The answer comes from another process: no DTDs, no external entities (XXE).
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no usable XML parser", e);
        }
    }

    private static String attribute(Element element, String name) {
        String value = element.getAttribute(name);
        return value.isBlank() ? null : value.strip();
    }

    /** One text to send back; {@code to}/{@code from} null mean "the sender" and "the number texted". */
    record Reply(String body, String to, String from) {
    }
}
