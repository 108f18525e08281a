package org.tredegar.volunteers;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tredegar.testing.architecture.ServiceRules;

import java.util.stream.Stream;

/** The layering of docs/architecture.md, checked on this service's classes: one test per rule, each with its reason. */
class ArchitectureTest {
    @TestFactory
    Stream<DynamicTest> layersHold() {
        var classes = ServiceRules.classesOf("volunteers");
        return ServiceRules.forService("volunteers").entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }
}
