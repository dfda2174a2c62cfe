package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code block of docs/integrating.md is a copy of a region of code that runs: the Java client
 * tests, the TypeScript driver and script run by .ci/run, or the build itself. A block follows a
 * {@code <!-- snippet: LANGUAGE/NAME -->} line (LANGUAGE: the file's extension, java, ts, sh or
 * xml), and the region sits between {@code snippet:NAME} and {@code end-snippet} comments in such a
 * file under src/test, or in pom.xml. When the code changes, this test says which block of the
 * guide to update.
 */
class IntegratingGuideTest {

  private static final Path GUIDE = Path.of("docs", "integrating.md");
  private static final Pattern BLOCK =
      Pattern.compile(
          "<!-- snippet: ([\\w-]+/[\\w-]+) -->\\s*\\n```[\\w-]*\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile(
          "(?:// |# |<!-- )snippet:([\\w-]+)(?: -->)?[^\\n]*\\n(.*?)\\n[ \\t]*(?:// |# |<!-- )end-snippet",
          Pattern.DOTALL);

  @Test
  void everyCodeBlockOfTheGuideIsCodeThatRuns() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    Map<String, String> regions = regions();
    Matcher block = BLOCK.matcher(guide);
    List<String> stale = new ArrayList<>();
    int blocks = 0;
    while (block.find()) {
      blocks++;
      String name = block.group(1);
      String region = regions.get(name);
      assertNotNull(region, "docs/integrating.md shows snippet " + name + ", which no code holds");
      if (!dedent(region).equals(block.group(2).strip())) {
        stale.add("snippet " + name + " should read:\n" + dedent(region));
      }
    }
    assertTrue(blocks >= 8, "the guide shows " + blocks + " snippets");
    assertTrue(stale.isEmpty(), String.join("\n\n", stale));
    long untracked =
        guide.lines().filter(line -> line.startsWith("```") && line.length() > 3).count();
    assertEquals(blocks, untracked, "every code block of the guide must be a snippet");
  }

  @Test
  void regionsAreFound() {
    assertFalse(regions().isEmpty());
  }

  private static Map<String, String> regions() {
    Map<String, String> regions = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>(List.of(Path.of("pom.xml")));
    try (Stream<Path> tests = Files.walk(Path.of("src", "test"))) {
      tests
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("node_modules"))
          .filter(p -> p.toString().matches(".*\\.(java|ts|sh)$"))
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      try {
        Matcher region = REGION.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (region.find()) {
          String name = file.getFileName().toString();
          String language = name.substring(name.lastIndexOf('.') + 1);
          String key = language + "/" + region.group(1);
          if (regions.put(key, region.group(2)) != null) {
            throw new IllegalStateException("two regions are named " + key);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return regions;
  }

  /** The region without the indentation its lines share, and without blank ends. */
  static String dedent(String region) {
    List<String> lines = region.lines().toList();
    int common =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line.isBlank() ? "" : line.substring(common).stripTrailing()).append('\n');
    }
    return text.toString().strip();
  }
}
