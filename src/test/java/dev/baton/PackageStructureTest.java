package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape DESIGN.md draws, redrawn from the sources: no package of Baton reaches itself again
 * through what it names of the others, and no class, of the main code or of the tests, passes 250
 * lines.
 */
class PackageStructureTest {

  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern NAMED = Pattern.compile("\\bdev\\.baton\\.([a-z][\\w.]*?)\\.[A-Z]");

  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> uses = new HashMap<>();
    for (Path source : sources()) {
      String text = Files.readString(source);
      Matcher declared = PACKAGE.matcher(text);
      if (!declared.find()) {
        continue;
      }
      String pkg = declared.group(1);
      Matcher named = NAMED.matcher(text);
      while (named.find()) {
        String other = "dev.baton." + named.group(1);
        if (!other.equals(pkg)) {
          uses.computeIfAbsent(pkg, p -> new TreeSet<>()).add(other);
        }
      }
    }
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      if (reaches(uses, start, start, new HashSet<>())) {
        cycles.add(start + " -> " + uses.get(start));
      }
    }
    assertEquals(List.of(), cycles, "packages that reach themselves again");
  }

  @Test
  void noMainClassPassesTwoHundredFiftyLines() throws IOException {
    assertEquals(List.of(), tooLong(sources()), "classes over 250 lines");
  }

  /** The tests, and what they share, are held to the same measure as the main code. */
  @Test
  void noTestClassPassesTwoHundredFiftyLines() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
      List<Path> tests = files.filter(f -> f.toString().endsWith(".java")).toList();
      assertEquals(List.of(), tooLong(tests), "test classes over 250 lines");
    }
  }

  private static List<String> tooLong(List<Path> sources) throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (Path source : sources) {
      long lines = Files.readAllLines(source).size();
      if (lines > 250) {
        tooLong.add(source + ": " + lines);
      }
    }
    return tooLong;
  }

  private static boolean reaches(
      Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, seen))) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }
}
