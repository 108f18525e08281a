package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.outbox.ProducerSchemaCheck;
import org.tredegar.testing.TredegarInfraResource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production checks a sample of outgoing events against their schema; tests check every one (ADR 0006). The setting
 * lives once, in the platform's defaults, for every service: this checks that it reaches a service's tests.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class OutgoingEventsCheckedInTestsTest {
    @Inject
    ProducerSchemaCheck schemaCheck;

    @Test
    void everyOutgoingEventIsCheckedAgainstItsSchemaInTests() {
        // Production's sample (the first 100, then one in 100) would leave most of the 300 unchecked.
        assertThat(IntStream.range(0, 300).filter(i -> schemaCheck.due(EventCatalog.of(RequestSubmitted.class))).count())
                .isEqualTo(300);
    }
}
