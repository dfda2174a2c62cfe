package dev.baton.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README prints the problem types the code answers; they cannot drift apart. */
class ProblemTypesDocumentedTest {

  @Test
  void readmeListsEveryProblemTypeTheCodeAnswers() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(
        readme.contains(ProblemType.markdown()),
        "README.md must contain the table of ProblemType.markdown():\n" + ProblemType.markdown());
  }
}
