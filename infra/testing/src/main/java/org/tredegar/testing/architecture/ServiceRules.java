package org.tredegar.testing.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (docs/architecture.md, "Where code goes"): {@code api} translates,
 * {@code domain} decides, {@code persistence} stores, {@code messaging} connects to Kafka, {@code config} wires.
 * Each rule carries its reason, so whoever breaks it reads why, not only what. A service's ArchitectureTest runs
 * them all against its own main classes.
 */
public final class ServiceRules {
    /** Packages of the platform every service may use; anything else under org.tredegar is another service. */
    private static final Set<String> SHARED = Set.of("platform", "contracts");
    /** The database APIs: JDBC, and the reactive SQL client underneath Hibernate Reactive. */
    private static final String[] SQL_PACKAGES = {"java.sql..", "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..",
            "io.vertx.pgclient..", "io.vertx.mutiny.pgclient.."};
    /** Hibernate Reactive's ways to run a query written as text. */
    private static final Set<String> SESSION_QUERIES = Set.of("createNativeQuery", "createQuery",
            "createSelectionQuery", "createMutationQuery", "createNamedQuery");
    /** Panache's query-text methods (find("status = ?1", ...)); persist/findById take no query text. */
    private static final Set<String> PANACHE_QUERIES = Set.of("find", "list", "stream", "count", "update", "delete");
    private static final String HTTP_PACKAGES = "jakarta.ws.rs..";

    private ServiceRules() {
    }

    /** The main classes (no tests) of the service whose packages start with {@code org.tredegar.<service>}. */
    public static JavaClasses classesOf(String service) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root(service));
        if (classes.isEmpty()) {
            throw new IllegalStateException("no main classes under " + root(service) + ": is the service built?");
        }
        return classes;
    }

    /** Every rule, by name, for one service. */
    public static Map<String, ArchRule> forService(String service) {
        String root = root(service);
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("domain does not use api", noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAPackage(root + ".api..")
                .because("domain decides for every caller (HTTP, Kafka, schedules); api translates for HTTP callers,"
                        + " so domain must not know their request and response types"));
        rules.put("domain uses no HTTP types", noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAPackage(HTTP_PACKAGES)
                .because("a rule must hold the same whoever asks; HTTP status, headers and responses belong in api"));
        rules.put("persistence and messaging do not use api", noClasses().that()
                .resideInAnyPackage(root + ".persistence..", root + ".messaging..")
                .should().dependOnClassesThat().resideInAPackage(root + ".api..")
                .because("api sits on top: storage and Kafka handlers serve every caller, not one HTTP resource"));
        rules.put("SQL only in persistence: no database API", noClasses().that().resideOutsideOfPackage(root + ".persistence..")
                .should().dependOnClassesThat().resideInAnyPackage(SQL_PACKAGES)
                .because("every statement lives in one persistence class named after what it stores, so a schema"
                        + " change touches one place and a reviewer finds all SQL there"));
        rules.put("SQL only in persistence: no query text", noClasses().that().resideOutsideOfPackage(root + ".persistence..")
                .should().callMethodWhere(runsQueryText())
                .because("every statement (SQL or HQL) lives in one persistence class named after what it stores;"
                        + " other layers ask it by intent (offers.pendingFor(volunteer)), never write the query"));
        rules.put("no service uses another", noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat(anotherService(service))
                .because("services share only contracts and the platform: importing another service's classes"
                        + " would tie their releases and their data together again"));
        // A service without a messaging package (say) has nothing for that rule to check, and that is fine; an
        // empty service is not, and classesOf refuses it.
        rules.replaceAll((name, rule) -> rule.allowEmptyShould(true));
        return rules;
    }

    /** Runs every rule against the service's classes; the first broken one fails with its reason. */
    public static void check(String service) {
        JavaClasses classes = classesOf(service);
        forService(service).values().forEach(rule -> rule.check(classes));
    }

    private static String root(String service) {
        if (!service.matches("[a-z]+")) {
            throw new IllegalArgumentException("a service is named by one lower-case word: " + service);
        }
        return "org.tredegar." + service;
    }

    private static DescribedPredicate<JavaMethodCall> runsQueryText() {
        return new DescribedPredicate<>("a method that runs a query given as text") {
            @Override
            public boolean test(JavaMethodCall call) {
                String name = call.getName();
                JavaClass owner = call.getTargetOwner();
                if (SESSION_QUERIES.contains(name)) {
                    return owner.getPackageName().startsWith("org.hibernate");
                }
                if (PANACHE_QUERIES.contains(name)) {
                    boolean panache = owner.isAssignableTo("io.quarkus.hibernate.reactive.panache.PanacheEntityBase")
                            || owner.isAssignableTo("io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase")
                            || owner.getPackageName().startsWith("io.quarkus.hibernate.reactive.panache");
                    var params = call.getTarget().getRawParameterTypes();
                    return panache && !params.isEmpty() && params.get(0).isEquivalentTo(String.class);
                }
                return false;
            }
        };
    }

    private static DescribedPredicate<JavaClass> anotherService(String service) {
        return new DescribedPredicate<>("belong to another Tredegar service") {
            @Override
            public boolean test(JavaClass type) {
                String name = type.getPackageName();
                if (!name.startsWith("org.tredegar.")) {
                    return false;
                }
                String first = name.substring("org.tredegar.".length()).split("\\.")[0];
                return !first.equals(service) && !SHARED.contains(first);
            }
        };
    }
}
