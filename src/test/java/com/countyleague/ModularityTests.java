package com.countyleague;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Each top-level package is a module: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private static final String OUTPUT = "docs/modules";

    private final ApplicationModules modules = ApplicationModules.of(CountyLeagueApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void thePointsBankLearnsOfActivitiesAndShiftsOnlyFromTheirEvents() {
        JavaClasses points = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.countyleague.points");
        noClasses().that().resideInAPackage("com.countyleague.points..")
                .should().dependOnClassesThat(resideInAnyPackage("com.countyleague.activity..", "com.countyleague.volunteer..")
                        .and(annotatedWith(Service.class).or(annotatedWith(Component.class))))
                .because("events carry what the bank pays for; it never calls the modules that publish them back")
                .check(points);
    }

    @Test
    void moduleDocumentationIsWrittenIntoDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        try (Stream<Path> diagrams = Files.list(Path.of(OUTPUT))) {
            for (Path file : diagrams.toList()) {
                if (file.toString().endsWith(".puml")) {
                    sortRelations(file);
                } else if (file.toString().endsWith(".adoc")) {
                    sortCanvasLists(file);
                }
            }
        }
    }

    /** Canvases list, say, the events a module listens to in no fixed order either; each list is sorted. */
    private static void sortCanvasLists(Path canvas) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(canvas));
        for (int start = 0; start < lines.size(); start++) {
            if (!lines.get(start).startsWith("|* ")) {
                continue;
            }
            int end = start + 1;
            while (end < lines.size() && lines.get(end).startsWith("* ")) {
                end++;
            }
            List<String> items = new ArrayList<>(lines.subList(start, end));
            items.set(0, items.get(0).substring(1));
            items.sort(null);
            items.set(0, "|" + items.get(0));
            for (int i = start; i < end; i++) {
                lines.set(i, items.get(i - start));
            }
        }
        Files.write(canvas, lines);
    }

    /** The documenter lists relations in no fixed order; sorted, the committed diagrams only change when the modules do. */
    private static void sortRelations(Path diagram) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
        List<Integer> positions = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Rel(")) {
                positions.add(i);
                relations.add(lines.get(i));
            }
        }
        relations.sort(null);
        for (int i = 0; i < positions.size(); i++) {
            lines.set(positions.get(i), relations.get(i));
        }
        Files.write(diagram, lines);
    }
}
