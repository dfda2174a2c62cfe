package dev.baton.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code @RolesAllowed} names roles through {@link Role.Names}, which spells the enum. */
class RoleNamesTest {

  @Test
  void theNameConstantsSpellEveryRoleAndNothingElse() throws IllegalAccessException {
    List<String> constants =
        Arrays.stream(Role.Names.class.getDeclaredFields())
            .filter(field -> field.getType() == String.class)
            .map(Field::getName)
            .toList();
    assertEquals(Arrays.stream(Role.values()).map(Enum::name).toList(), constants);
    for (Role role : Role.values()) {
      try {
        assertEquals(role.name(), Role.Names.class.getField(role.name()).get(null));
      } catch (NoSuchFieldException e) {
        throw new AssertionError("Role.Names has no constant " + role, e);
      }
    }
  }

  @Test
  void noResourceNamesARoleWithAStringLiteral() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<String> literals =
          sources
              .filter(path -> path.toString().endsWith(".java"))
              .flatMap(RoleNamesTest::rolesAllowedWithLiterals)
              .toList();
      assertEquals(List.of(), literals, "use Role.Names constants in @RolesAllowed");
    }
  }

  private static Stream<String> rolesAllowedWithLiterals(Path source) {
    try {
      return Files.readAllLines(source).stream()
          .filter(line -> line.contains("@RolesAllowed(") && line.contains("\""))
          .map(line -> source + ": " + line.strip());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
