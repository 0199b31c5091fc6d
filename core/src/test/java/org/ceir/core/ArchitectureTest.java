package org.ceir.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain core knows no framework: it may use the JDK and itself, nothing else. */
class ArchitectureTest {

    @Test
    void core_dependsOnlyOnTheJdk() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ceir.core");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.ceir.core..", "java..")
                .check(core);
    }
}
