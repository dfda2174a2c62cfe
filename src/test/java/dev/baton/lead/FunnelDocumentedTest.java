package dev.baton.lead;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README prints the funnel table that the code enforces; they cannot drift apart. */
class FunnelDocumentedTest {

  @Test
  void readmeShowsTheFunnelTableTheCodeEnforces() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(
        readme.contains(Funnel.markdown()),
        "README.md must contain the table of Funnel.markdown():\n" + Funnel.markdown());
  }
}
