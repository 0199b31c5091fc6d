package org.ceir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.ceir.detect.QualityReport;
import org.ceir.sim.Persona;
import org.junit.jupiter.api.Test;

/**
 * detect cannot see sim, so {@link QualityReport#PROTECTED_PERSONAS} names the simulator's personas
 * as strings; this ties the names to {@link Persona}, and makes a new persona a decision.
 */
class ProtectedPersonasTest {
    @Test
    void protectedPersonas_areTheSimulatorsHonestSimChanges() {
        Set<String> labels = Arrays.stream(Persona.values()).map(Persona::label).collect(Collectors.toSet());

        assertThat(labels).as("every protected name is a persona the simulator writes")
                .containsAll(QualityReport.PROTECTED_PERSONAS);
        assertThat(labels.stream().filter(l -> !QualityReport.PROTECTED_PERSONAS.contains(l)))
                .as("the personas left unprotected: a new persona must be put in one list or the other")
                .containsExactlyInAnyOrder(Persona.SINGLE.label(), Persona.ROAMER.label(), Persona.IMPORTED.label(),
                        Persona.STOLEN.label(), Persona.CLONE.label());
    }
}
