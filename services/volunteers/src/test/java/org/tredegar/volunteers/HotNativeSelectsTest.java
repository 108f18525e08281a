package org.tredegar.volunteers;

import io.quarkus.arc.ClientProxy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.volunteers.domain.CandidateSearch;
import org.tredegar.volunteers.domain.CategoryNeeds;
import org.tredegar.volunteers.domain.MatchRequest;
import org.tredegar.volunteers.domain.VolunteerSnapshot;
import org.tredegar.testing.TredegarInfraResource;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate 7.2 adds a query plan to its cache for every run of a native select (ADR 0007), so a hot native select
 * fills the cache with plans that are never found again. Audited reads of personal data and candidate searches are
 * hot in a crisis: they must leave the cache as they found it, and still do their work.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class HotNativeSelectsTest {
    /** Scheduled jobs may cache a plan or two of their own meanwhile; one plan per run would be 50. */
    private static final int FEW = 5;

    @Inject
    AuditTrail audit;
    @Inject
    CandidateSearch search;
    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void auditedReadsDoNotPileUpQueryPlans() throws Throwable {
        UUID hub = UUID.randomUUID();
        record(hub); // the first one may cache the plans of its writes
        int before = cachedPlans();
        for (int i = 0; i < 50; i++) {
            record(hub);
        }
        assertThat(cachedPlans() - before).isLessThan(FEW);
        AuditTrail.Verification chain = VertxContextSupport.subscribeAndAwait(() -> audit.verify(hub));
        assertThat(chain.intact()).isTrue();
        assertThat(chain.entries()).isEqualTo(51);
    }

    @Test
    void candidateSearchesDoNotPileUpQueryPlans() throws Throwable {
        Instant now = Instant.now();
        MatchRequest request = new MatchRequest(UUID.randomUUID(), Set.of(HubIds.idOf("tredegar")), 51.7727, -3.2467, 10,
                new CategoryNeeds(Set.of(), Set.of()), "en", now, now, now);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> search.nearby(request)));
        int before = cachedPlans();
        for (int i = 0; i < 50; i++) {
            List<VolunteerSnapshot> found = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> search.nearby(request)));
            assertThat(found).isNotNull();
        }
        assertThat(cachedPlans() - before).isLessThan(FEW);
    }

    private void record(UUID hub) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> audit.record(hub, "coordinator-1", "volunteer.contact-read", UUID.randomUUID().toString(), "sms")));
    }

    /** Hibernate Reactive keeps the ORM session factory, whose query engine holds the plan cache, as its delegate. */
    private int cachedPlans() throws ReflectiveOperationException {
        Object factory = ClientProxy.unwrap(sessions);
        Field delegate = factory.getClass().getDeclaredField("delegate");
        delegate.setAccessible(true);
        return ((SessionFactoryImpl) delegate.get(factory)).getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}
