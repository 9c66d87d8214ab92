package dev.signet.testsupport;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extensions;

/**
 * Lists the fast tier ({@code ./mvnw test -Pfast}): the plain JUnit test classes, those whose class (or a
 * superclass, an enclosing class, or an annotation on one of them) registers none of Quarkus' test extensions, so
 * nothing starts Quarkus, PostgreSQL or a browser. The fast profile runs this main in {@code process-test-classes}
 * over the compiled test classes and gives surefire the list as its {@code includesFile}; so a new plain rule test
 * joins the tier, and a new {@code @QuarkusTest} stays out, without a tag or a pom edit.
 *
 * <p>Why a list before surefire rather than a JUnit filter: quarkus-junit5's launcher interceptor loads every
 * selected test class through its facade class loader, which builds the Quarkus application as soon as it meets a
 * {@code @QuarkusTest}, before any post-discovery filter or tag runs: a filter would keep the tier's result but
 * not its speed.
 */
public final class FastTier {

    private FastTier() {
    }

    /** {@code FastTier <test-classes dir> <list file>}: writes one surefire include pattern a line. */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path classes = Path.of(args[0]);
        Path list = Path.of(args[1]);
        List<String> includes = new ArrayList<>();
        for (String name : testClassNames(classes)) {
            Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            if (!Modifier.isAbstract(type.getModifiers()) && !startsQuarkus(type)) {
                includes.add(name.replace('.', '/') + ".java");
            }
        }
        Files.createDirectories(list.toAbsolutePath().getParent());
        Files.write(list, includes);
        System.out.println("Fast tier: " + includes.size() + " plain test classes listed in " + list);
    }

    /** Top-level classes named like surefire's default include ({@code *Test}). */
    private static List<String> testClassNames(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString)
                    .filter(file -> file.endsWith("Test.class") && !file.contains("$"))
                    .map(file -> file.substring(0, file.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .sorted().toList();
        }
    }

    /** True when the class, a superclass or an enclosing class registers one of Quarkus' test extensions. */
    static boolean startsQuarkus(Class<?> testClass) {
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Annotation annotation : type.getAnnotations()) {
                if (registersQuarkus(annotation, new HashSet<>())) {
                    return true;
                }
            }
        }
        return testClass.getEnclosingClass() != null && startsQuarkus(testClass.getEnclosingClass());
    }

    private static boolean registersQuarkus(Annotation annotation, Set<Class<?>> seen) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (!seen.add(type) || type.getName().startsWith("java.lang.annotation")) {
            return false;
        }
        if (annotation instanceof ExtendWith extendWith) {
            return quarkusExtension(extendWith);
        }
        if (annotation instanceof Extensions extensions) {
            for (ExtendWith extendWith : extensions.value()) {
                if (quarkusExtension(extendWith)) {
                    return true;
                }
            }
            return false;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (registersQuarkus(meta, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Quarkus' test extensions ({@code @QuarkusTest}, {@code @QuarkusMainTest}, component tests…) all start Quarkus. */
    private static boolean quarkusExtension(ExtendWith extendWith) {
        for (Class<?> extension : extendWith.value()) {
            if (extension.getName().startsWith("io.quarkus.test.")) {
                return true;
            }
        }
        return false;
    }
}
