package org.descent.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The renderer is shared by the app and headless export, so it must not need a display. */
class RenderIsPureTest {

  @Test
  void renderDependsOnNeitherJavaFxNorAwt() {
    JavaClasses render = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.descent.render");
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("javafx..", "java.awt..", "javax.imageio..", "javax.swing..")
        .check(render);
  }
}
