package org.marsad.initiatives.internal;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed loader on small files of the seed format ({@code src/test/resources/seed-fixtures}), each run in a
 * transaction that is rolled back afterwards, so the shared database keeps only the real seed.
 */
@MarsadIntegrationTest
class InitiativeSeedLoaderTest {

    @Autowired
    InitiativeSeedLoader loader;

    @Autowired
    InitiativeRepository repository;

    @Autowired
    TransactionTemplate transactions;

    static byte[] fixture(String name) throws IOException {
        return new ClassPathResource("seed-fixtures/initiatives/" + name).getContentAsByteArray();
    }

    @Test
    void theAnnexAndItsLaterUpdateBecomeTwoDatedRevisions() throws IOException {
        byte[] annex = fixture("annex.yaml");
        byte[] scoreboard = fixture("scoreboard.yaml");
        byte[] snia = fixture("snia.yaml");
        inRolledBackTransaction(() -> {
            assertThat(loader.load(annex, scoreboard, snia)).isEqualTo(3);
            var italian = repository.findByCode("FIX-P1-002").orElseThrow();
            assertThat(italian.identifier()).isEqualTo("XM-DAC-6-FIX-P1-002");
            List<InitiativeRepository.RevisionRow> revisions = repository.revisions(italian.id());
            assertThat(revisions).extracting(r -> r.validFrom().value()).containsExactly("2015-03-31", "2013-03-25");
            assertThat(revisions.getFirst().state().status().code()).isEqualTo(3);
            assertThat(revisions.getFirst().state().dates().actualStart().value()).isEqualTo("2013-09");
            assertThat(revisions.getFirst().comment().en()).contains("March 2015");
            assertThat(revisions.getFirst().state().sources()).hasSize(2);
            assertThat(revisions.getLast().state().participations())
                    .anySatisfy(p -> assertThat(p.asWritten()).isEqualTo("Ministère du Travail"));
            assertThat(revisions.getLast().state().budgets()).singleElement().satisfies(b -> assertThat(b.stated()).isTrue());

            assertThat(loader.load(annex, scoreboard, snia)).as("loaded again: the same records, not twice").isEqualTo(3);
            assertThat(repository.revisions(italian.id())).hasSize(2);
            assertThat(repository.links(italian.id())).hasSize(1);
        });
    }

    @Test
    void aCitationThatIsNotInTheDocumentStopsTheLoadAndNothingStays() throws IOException {
        byte[] bad = fixture("bad-quote.yaml");
        byte[] empty = fixture("snia.yaml");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> loader.load(bad, fixture2(), empty)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FIX-BAD-002").hasMessageContaining("sources[0]");
        assertThat(repository.findByCode("FIX-BAD-001")).as("all or nothing").isEmpty();
    }

    private static byte[] fixture2() {
        return "asOf: '2015-03-31'\nupdates: []\ninitiatives: []\n".getBytes();
    }

    private void inRolledBackTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }
}
