package dev.baton.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects that `./mvnw package` generates in target/kubernetes/kubernetes.yml, and what the
 * manifest tests look at in them: the one object of a kind, the Deployment's pod spec, its
 * containers, Baton's own container and its ports.
 */
final class Manifests {

  private static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.yml");

  /** Every object of the file, in order. */
  final List<JsonNode> objects;

  private Manifests(List<JsonNode> objects) {
    this.objects = objects;
  }

  static Manifests read() throws IOException {
    assertTrue(Files.exists(MANIFESTS), MANIFESTS + " is made by ./mvnw package");
    List<JsonNode> objects = new ArrayList<>();
    try (var documents =
        new ObjectMapper(new YAMLFactory())
            .readerFor(JsonNode.class)
            .readValues(MANIFESTS.toFile())) {
      while (documents.hasNext()) {
        JsonNode document = (JsonNode) documents.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          objects.add(document);
        }
      }
    }
    assertFalse(objects.isEmpty(), "no object in " + MANIFESTS);
    return new Manifests(objects);
  }

  static int containerPort(JsonNode container, String name) {
    for (JsonNode port : container.path("ports")) {
      if (port.path("name").asText().equals(name)) {
        return port.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port named " + name);
  }

  JsonNode podSpec() {
    return one("Deployment").at("/spec/template/spec");
  }

  List<JsonNode> containers() {
    List<JsonNode> all = new ArrayList<>();
    podSpec().path("initContainers").forEach(all::add);
    podSpec().path("containers").forEach(all::add);
    assertFalse(all.isEmpty(), "no container");
    return all;
  }

  JsonNode baton() {
    for (JsonNode container : one("Deployment").at("/spec/template/spec/containers")) {
      if (container.path("name").asText().equals("baton")) {
        return container;
      }
    }
    throw new AssertionError("no container named baton");
  }

  JsonNode one(String kind) {
    List<JsonNode> found =
        objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    assertEquals(1, found.size(), "objects of kind " + kind);
    return found.get(0);
  }
}
