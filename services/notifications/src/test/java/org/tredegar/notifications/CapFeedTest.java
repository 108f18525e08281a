package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class CapFeedTest {
    static final Db DB = Db.of("notifications");
    static final String CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";
    static Schema cap;

    static final Map<String, Object> WARMING_CENTRE = Map.of(
            "headline", "Warming centre open at the library tonight",
            "description", "The library on Castle Street is open as a warming centre from 18:00 to 08:00. Hot drinks & blankets.",
            "instruction", "Come along, no need to book. Bring any medication you need overnight.",
            "severity", "moderate", "urgency", "Expected", "certainty", "Likely",
            "expires", "2099-01-01T08:00:00Z");

    @BeforeAll
    static void schema() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        cap = factory.newSchema(new StreamSource(CapFeedTest.class.getResourceAsStream("/cap-1.2.xsd")));
    }

    @Test
    @TestSecurity(user = "coordinator.tredegar", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void aCoordinatorsAlertIsServedAsValidCapAndInTheAtomFeed() throws Exception {
        String capUrl = given().contentType(ContentType.JSON).body(WARMING_CENTRE)
                .post("/api/v1/hubs/tredegar/alerts").then().statusCode(201)
                .body("severity", equalTo("Moderate")).extract().path("cap");
        String id = capUrl.substring(capUrl.lastIndexOf('/') + 1).replace(".cap", "");

        String xml = given().get("/api/v1/alerts/" + id + ".cap").then().statusCode(200)
                .contentType(containsString("application/cap+xml")).extract().asString();
        Document doc = parse(xml);
        cap.newValidator().validate(new DOMSource(doc));
        assertThat(text(doc.getDocumentElement(), "headline")).isEqualTo("Warming centre open at the library tonight");
        assertThat(text(doc.getDocumentElement(), "severity")).isEqualTo("Moderate");
        assertThat(text(doc.getDocumentElement(), "expires")).isEqualTo("2099-01-01T08:00:00+00:00");
        assertThat(text(doc.getDocumentElement(), "description")).contains("Hot drinks & blankets");

        String atom = given().get("/api/v1/alerts.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        Document feed = parse(atom);
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        NodeList alerts = feed.getElementsByTagNameNS(CAP_NS, "alert");
        assertThat(alerts.getLength()).isGreaterThanOrEqualTo(1);
        boolean found = false;
        for (int i = 0; i < alerts.getLength(); i++) {
            Element alert = (Element) alerts.item(i);
            Document single = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            single.appendChild(single.importNode(alert, true));
            cap.newValidator().validate(new DOMSource(single));
            found |= text(alert, "identifier").equals("urn:uuid:" + id);
        }
        assertThat(found).isTrue();
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'alert.published' AND subject_id = ?", id)).isEqualTo(1);
    }

    @Test
    void theValidatorRefusesWhatIsNotCap() throws Exception {
        Document bad = parse("<alert xmlns=\"" + CAP_NS + "\"><identifier>x</identifier></alert>");
        assertThatThrownBy(() -> cap.newValidator().validate(new DOMSource(bad))).isInstanceOf(SAXException.class);
    }

    @Test
    @TestSecurity(user = "coordinator.tredegar", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void oversizeAndInvalidCapFieldsAreRefusedAndNothingIsStored() {
        long before = DB.count("SELECT count(*) FROM alerts");
        refused(with("headline", "x".repeat(161)), "headline");
        refused(with("description", "x".repeat(4001)), "description");
        refused(with("instruction", "x".repeat(2001)), "instruction");
        refused(with("severity", "Catastrophic"), "severity");
        refused(with("urgency", "Soon"), "urgency");
        refused(with("certainty", null), "certainty");
        refused(with("headline", " "), "headline");
        refused(with("expires", "tomorrow"), "expires");
        refused(with("expires", "2001-01-01T00:00:00Z"), "expires");
        given().contentType(ContentType.JSON).body(WARMING_CENTRE).post("/api/v1/hubs/ebbw-vale/alerts")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(DB.count("SELECT count(*) FROM alerts")).isEqualTo(before);
    }

    @Test
    void publishingNeedsACoordinatorButReadingIsPublic() {
        given().contentType(ContentType.JSON).body(WARMING_CENTRE).post("/api/v1/hubs/tredegar/alerts")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/alerts.atom").then().statusCode(200);
        given().get("/api/v1/alerts/" + java.util.UUID.randomUUID() + ".cap").then().statusCode(404)
                .contentType("application/problem+json");
    }

    static void refused(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/hubs/tredegar/alerts").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    static Map<String, Object> with(String key, Object value) {
        Map<String, Object> copy = new HashMap<>(WARMING_CENTRE);
        copy.put(key, value);
        return copy;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(CAP_NS, name).item(0).getTextContent();
    }
}
