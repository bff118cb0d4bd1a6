package com.countyleague;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each top-level package is a module: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private static final String OUTPUT = "docs/modules";

    private final ApplicationModules modules = ApplicationModules.of(CountyLeagueApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void moduleDocumentationIsWrittenIntoDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        try (Stream<Path> diagrams = Files.list(Path.of(OUTPUT))) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                sortRelations(diagram);
            }
        }
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
