package org.tredegar.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules catch a deliberately misplaced class, each with its reason, and pass the class that is in place. */
class ServiceRulesTest {
    private static final JavaClasses MISPLACED = new ClassFileImporter().importPackages("org.tredegar.misplaced");

    private static EvaluationResult evaluate(String rule) {
        return ServiceRules.forService("misplaced").get(rule).evaluate(MISPLACED);
    }

    @Test
    void domainImportingAnApiTypeFailsWithTheReason() {
        EvaluationResult result = evaluate("domain does not use api");
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("WrongIntake").contains("HelpRequestBody").contains("domain decides for every caller");
    }

    @Test
    void sqlOutsidePersistenceFailsAndSqlInPersistencePasses() {
        EvaluationResult result = evaluate("SQL only in persistence: no database API");
        assertThat(result.hasViolation()).isTrue();
        String report = result.getFailureReport().toString();
        assertThat(report).contains("WrongIntake").contains("java.sql.Connection")
                .contains("every statement lives in one persistence class");
        assertThat(report).doesNotContain("RightStatement");
    }

    @Test
    void usingAnotherServiceFails() {
        EvaluationResult result = evaluate("no service uses another");
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("NeighbourRecord")
                .contains("services share only contracts and the platform");
    }

    @Test
    void aServiceInPlacePassesEveryRule() {
        JavaClasses inPlace = new ClassFileImporter().importPackages("org.tredegar.misplaced.persistence",
                "org.tredegar.misplaced.api");
        Map<String, com.tngtech.archunit.lang.ArchRule> rules = ServiceRules.forService("misplaced");
        assertThat(rules).hasSize(6);
        rules.forEach((name, rule) -> assertThat(rule.evaluate(inPlace).hasViolation()).as(name).isFalse());
    }
}
