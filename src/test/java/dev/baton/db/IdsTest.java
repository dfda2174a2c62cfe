package dev.baton.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** New ids are version 7 UUIDs: the time they were made first, then random bits. */
class IdsTest {

  @Test
  void anIdIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
    long before = System.currentTimeMillis();
    UUID id = Ids.next();
    long after = System.currentTimeMillis();

    assertEquals(7, id.version());
    assertEquals(2, id.variant(), "the variant of RFC 9562");
    long millis = id.getMostSignificantBits() >>> 16;
    assertTrue(
        before <= millis && millis <= after, millis + " not in [" + before + ", " + after + "]");
    assertEquals(id, UUID.fromString(id.toString()));
  }

  @Test
  void idsMadeInALaterMillisecondSortAfterEarlierOnesAsTextAndAsBytes() throws Exception {
    UUID first = Ids.next();
    Thread.sleep(2);
    UUID second = Ids.next();

    // PostgreSQL orders uuid values by their bytes, which is the order of their text.
    assertTrue(first.toString().compareTo(second.toString()) < 0, first + " !< " + second);
    assertTrue(first.compareTo(second) < 0);
  }

  @Test
  void idsMadeInTheSameMillisecondDifferInTheirRandomBits() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(Ids.next());
    }
    assertEquals(100_000, ids.size());
  }
}
