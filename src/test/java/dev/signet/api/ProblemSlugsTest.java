package dev.signet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;

import dev.signet.docs.ConfigurationDoc;

/**
 * One title per problem slug: every {@code new ProblemException(status, slug, title, …)}, every subclass's
 * {@code super(status, slug, title, …)} and every {@code new XxxException(status, slug, title, …)} in a subclass's
 * own factories in the main sources, and every title {@code ValidationMessages.properties} gives a problem that a Bean
 * Validation constraint names, that names the same slug names the same title, so a
 * client (and the problem type's URI) sees one meaning per slug. Read from the sources with JavaParser.
 */
class ProblemSlugsTest {

    @Test
    void everySlugHasOneTitle() throws IOException {
        Map<String, Set<String>> titles = titlesBySlug(Path.of("src/main/java"));
        validationTitles(Path.of("src/main/resources/ValidationMessages.properties"), titles);
        assertTrue(titles.size() > 20, "the main sources' slugs are found: " + titles.keySet());
        Map<String, Set<String>> clashes = titles.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(), clashes, "slugs with more than one title");
    }

    @Test
    void aSlugWithTwoTitlesIsFound() {
        CompilationUnit unit = ConfigurationDoc.parse("""
                class A extends ProblemException { A() { super(400, "bad-x", "Bad x", "d"); } }
                class B { void b() { throw new ProblemException(400, "bad-x", "Unknown x", "d"); } }
                class C extends ProblemException {
                    private C(int s, String a, String b, String d) { super(s, a, b, d); }
                    static C bad() { return new C(400, "bad-x", "Bad X", "d"); }
                }
                """);
        Map<String, Set<String>> titles = new TreeMap<>();
        collect(unit, titles);
        assertEquals(Map.of("bad-x", Set.of("Bad x", "Unknown x", "Bad X")), titles);
    }

    static Map<String, Set<String>> titlesBySlug(Path sources) throws IOException {
        Map<String, Set<String>> titles = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                collect(ConfigurationDoc.parse(file), titles);
            }
        }
        return titles;
    }

    /** The titles of the problems Bean Validation constraints name ({@code signet.problem.<slug>.title}). */
    static void validationTitles(Path file, Map<String, Set<String>> titles) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            messages.load(reader);
        }
        for (String key : messages.stringPropertyNames()) {
            if (key.startsWith("signet.problem.") && key.endsWith(".title")) {
                titles.computeIfAbsent(key.substring("signet.problem.".length(), key.length() - ".title".length()),
                        slug -> new TreeSet<>()).add(messages.getProperty(key));
            }
        }
    }

    private static void collect(CompilationUnit unit, Map<String, Set<String>> titles) {
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            if (creation.getType().getNameAsString().equals("ProblemException")) {
                add(creation.getArguments(), titles);
            }
        }
        boolean problemSubclass = unit.getTypes().stream().anyMatch(type -> type.isClassOrInterfaceDeclaration()
                && type.asClassOrInterfaceDeclaration().getExtendedTypes().stream()
                        .anyMatch(t -> t.getNameAsString().endsWith("ProblemException")));
        if (problemSubclass) {
            // Typed problems build themselves in static factories: new XxxException(status, slug, title, detail).
            Set<String> own = unit.getTypes().stream().map(type -> type.getNameAsString()).collect(Collectors.toSet());
            for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
                if (own.contains(creation.getType().getNameAsString())) {
                    add(creation.getArguments(), titles);
                }
            }
            for (ExplicitConstructorInvocationStmt call : unit.findAll(ExplicitConstructorInvocationStmt.class)) {
                if (!call.isThis()) {
                    add(call.getArguments(), titles);
                }
            }
        }
    }

    private static void add(NodeList<Expression> arguments, Map<String, Set<String>> titles) {
        List<Expression> args = arguments;
        if (args.size() >= 3 && args.get(1).isStringLiteralExpr() && args.get(2).isStringLiteralExpr()) {
            titles.computeIfAbsent(args.get(1).asStringLiteralExpr().asString(), slug -> new TreeSet<>())
                    .add(args.get(2).asStringLiteralExpr().asString());
        }
    }

}
