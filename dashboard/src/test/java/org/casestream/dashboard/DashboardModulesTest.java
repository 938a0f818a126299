package org.casestream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's ES modules as the browser loads them (no bundler, so nothing else checks them before a browser
 * does): every import names a module of the dashboard that exports what is imported, the import graph (dynamic
 * imports included) has no cycle, {@code main.js} only boots (nothing imports it), and no page or component
 * module is longer than {@value #MAX_LINES} lines.
 */
class DashboardModulesTest {

    static final int MAX_LINES = 200;

    private static final Path ROOT = Path.of(System.getProperty("basedir", "."))
            .resolve("src/main/resources/META-INF/resources").toAbsolutePath().normalize();
    private static final Path APP = ROOT.resolve("app");

    /** {@code import {a, b as c} from '…'}, {@code import x from '…'}, {@code import * as x from '…'}, {@code export {a} from '…'}. */
    private static final Pattern FROM = Pattern.compile(
            "(?m)^[ \\t]*(?:import|export)\\s+([\\w$*{},\\s]+?)\\s*from\\s*(['\"])([^'\"]+)\\2");
    /** {@code import '…'} (for its effects only). */
    private static final Pattern EFFECT = Pattern.compile("(?m)^[ \\t]*import\\s*(['\"])([^'\"]+)\\1");
    /** {@code import('…')}: a page loaded when its route is first visited. */
    private static final Pattern DYNAMIC = Pattern.compile("\\bimport\\(\\s*(['\"])([^'\"]+)\\1\\s*\\)");
    /** Any line that starts an import statement: each must be one the patterns above understood. */
    private static final Pattern IMPORT_STATEMENT = Pattern.compile("(?m)^[ \\t]*import\\b(?!\\s*\\()");
    private static final Pattern DECLARED_EXPORT = Pattern.compile(
            "(?m)^export\\s+(?:async\\s+)?(?:function\\s*\\*?|const|let|var|class)\\s*([\\w$]+)");
    private static final Pattern LISTED_EXPORT = Pattern.compile("(?m)^export\\s*\\{([^}]*)}");
    private static final Pattern DEFAULT_EXPORT = Pattern.compile("(?m)^export\\s+default\\b");

    record Import(String specifier, Path target, Set<String> names) {
    }

    record Module(Path path, String source, List<Import> imports, List<String> unparsed) {

        String name() {
            return ROOT.relativize(path).toString().replace('\\', '/');
        }

        long lines() {
            return source.chars().filter(c -> c == '\n').count();
        }

        Set<String> exports() {
            Set<String> names = new HashSet<>();
            Matcher declared = DECLARED_EXPORT.matcher(source);
            while (declared.find()) {
                names.add(declared.group(1));
            }
            Matcher listed = LISTED_EXPORT.matcher(source);
            while (listed.find()) {
                for (String item : listed.group(1).split(",")) {
                    String[] parts = item.trim().split("\\s+as\\s+");
                    if (!parts[0].isBlank()) {
                        names.add(parts[parts.length - 1].trim());
                    }
                }
            }
            if (DEFAULT_EXPORT.matcher(source).find()) {
                names.add("default");
            }
            return names;
        }
    }

    private static Map<Path, Module> modules;

    @BeforeAll
    static void readModules() throws IOException {
        assertThat(APP).as("the dashboard's modules (run from the dashboard module)").isDirectory();
        modules = new TreeMap<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Path path = file.toAbsolutePath().normalize();
                modules.put(path, parse(path, Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
        assertThat(modules).containsKey(APP.resolve("main.js"));
    }

    private static Module parse(Path path, String source) {
        List<Import> imports = new ArrayList<>();
        Set<Integer> understood = new HashSet<>();
        Matcher from = FROM.matcher(source);
        while (from.find()) {
            imports.add(new Import(from.group(3), resolve(path, from.group(3)), importedNames(from.group(1))));
            understood.add(from.start());
        }
        Matcher effect = EFFECT.matcher(source);
        while (effect.find()) {
            imports.add(new Import(effect.group(2), resolve(path, effect.group(2)), Set.of()));
            understood.add(effect.start());
        }
        Matcher dynamic = DYNAMIC.matcher(source);
        while (dynamic.find()) {
            imports.add(new Import(dynamic.group(2), resolve(path, dynamic.group(2)), Set.of()));
        }
        List<String> unparsed = new ArrayList<>();
        Matcher statement = IMPORT_STATEMENT.matcher(source);
        while (statement.find()) {
            if (!understood.contains(statement.start())) {
                int end = source.indexOf('\n', statement.start());
                unparsed.add(source.substring(statement.start(), end < 0 ? source.length() : end).trim());
            }
        }
        return new Module(path, source, imports, unparsed);
    }

    /** The module a specifier names, as the browser resolves it against the importing module's URL; null if bare. */
    private static Path resolve(Path from, String specifier) {
        if (specifier.startsWith("./") || specifier.startsWith("../")) {
            return from.getParent().resolve(specifier).normalize();
        }
        if (specifier.startsWith("/")) {
            return ROOT.resolve(specifier.substring(1)).normalize();
        }
        return null;
    }

    /** The names an import clause takes from its module ("default" for a default import; none for a namespace). */
    private static Set<String> importedNames(String clause) {
        Set<String> names = new LinkedHashSet<>();
        int open = clause.indexOf('{');
        String outside = clause;
        if (open >= 0) {
            int close = clause.indexOf('}', open);
            for (String item : clause.substring(open + 1, close).split(",")) {
                String name = item.trim().split("\\s+as\\s+")[0].trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            outside = clause.substring(0, open) + clause.substring(close + 1);
        }
        String rest = outside.replace(",", " ").trim();
        if (!rest.isEmpty() && !rest.startsWith("*")) {
            names.add("default");
        }
        return names;
    }

    @Test
    void everyImportNamesAModuleOfTheDashboardThatExportsWhatIsImported() {
        List<String> problems = new ArrayList<>();
        for (Module module : modules.values()) {
            module.unparsed().forEach(line -> problems.add(module.name() + ": an import this test cannot read: " + line));
            for (Import anImport : module.imports()) {
                Module target = anImport.target() == null ? null : modules.get(anImport.target());
                if (target == null) {
                    problems.add(module.name() + " imports '" + anImport.specifier() + "', which is no module of the dashboard"
                            + (anImport.target() == null ? " (a bare specifier: the browser has no import map)" : ""));
                    continue;
                }
                Set<String> missing = new LinkedHashSet<>(anImport.names());
                missing.removeAll(target.exports());
                if (!missing.isEmpty()) {
                    problems.add(module.name() + " imports " + missing + " from " + target.name() + ", which does not export it");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theImportGraphHasNoCycle() {
        Set<Path> done = new HashSet<>();
        for (Path start : modules.keySet()) {
            List<Path> cycle = cycleFrom(start, new ArrayDeque<>(), new HashSet<>(), done);
            assertThat(describe(cycle)).as("an import cycle (dynamic imports included)").isEmpty();
        }
    }

    private static List<Path> cycleFrom(Path node, Deque<Path> path, Set<Path> onPath, Set<Path> done) {
        if (onPath.contains(node)) {
            List<Path> cycle = new ArrayList<>();
            boolean in = false;
            for (Path step : (Iterable<Path>) path::descendingIterator) {
                in = in || step.equals(node);
                if (in) {
                    cycle.add(step);
                }
            }
            cycle.add(node);
            return cycle;
        }
        if (!done.add(node)) {
            return List.of();
        }
        path.push(node);
        onPath.add(node);
        Module module = modules.get(node);
        for (Import anImport : module == null ? List.<Import>of() : module.imports()) {
            if (anImport.target() != null) {
                List<Path> cycle = cycleFrom(anImport.target(), path, onPath, done);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        onPath.remove(node);
        path.pop();
        return List.of();
    }

    private static String describe(List<Path> cycle) {
        return String.join(" -> ", cycle.stream().map(p -> ROOT.relativize(p).toString()).toList());
    }

    @Test
    void mainOnlyBootsSoNothingImportsIt() {
        Path main = APP.resolve("main.js");
        List<String> importers = modules.values().stream()
                .filter(module -> module.imports().stream().anyMatch(anImport -> main.equals(anImport.target())))
                .map(Module::name).toList();
        assertThat(importers).as("modules importing app/main.js (navigation lives in router.js)").isEmpty();
    }

    @Test
    void noPageOrComponentModuleIsLongerThanTheLimit() {
        Map<String, Long> tooLong = new TreeMap<>();
        for (Module module : modules.values()) {
            boolean pageOrComponent = module.path().startsWith(APP.resolve("pages")) || module.path().startsWith(APP.resolve("components"));
            if (pageOrComponent && module.lines() > MAX_LINES) {
                tooLong.put(module.name(), module.lines());
            }
        }
        assertThat(tooLong).as("page and component modules longer than %d lines (split them into parts)", MAX_LINES).isEmpty();
    }
}
