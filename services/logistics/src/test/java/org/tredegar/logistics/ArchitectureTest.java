package org.tredegar.logistics;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tredegar.testing.architecture.ServiceRules;

import java.util.stream.Stream;

/** The layering of docs/architecture.md, checked on this service's classes: one test per rule, each with its reason. */
class ArchitectureTest {
    @TestFactory
    Stream<DynamicTest> layersHold() {
        var classes = ServiceRules.classesOf("logistics");
        return ServiceRules.forService("logistics").entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }
}
