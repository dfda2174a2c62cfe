package dev.baton.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README prints the event types the code records; they cannot drift apart. */
class EventTypesDocumentedTest {

  @Test
  void readmeListsEveryEventTypeTheCodeRecords() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(
        readme.contains(EventType.markdown()),
        "README.md must contain the table of EventType.markdown():\n" + EventType.markdown());
  }
}
