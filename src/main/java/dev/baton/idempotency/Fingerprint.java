package dev.baton.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What makes a retry the same request: the SHA-256 of the endpoint and of the bound request as
 * canonical JSON. Stored records hold it, so it must not change from one release to the next
 * ({@code FingerprintTest} pins it).
 */
@ApplicationScoped
class Fingerprint {

  private final ObjectMapper mapper;

  Fingerprint(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The fingerprint of {@code request} (a bound record, or null) sent to {@code endpoint}. */
  String of(String endpoint, Object request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (endpoint
                          + "\n"
                          + mapper.writeValueAsString(canonical(mapper.valueToTree(request))))
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same JSON whatever the order of its members, so that key order is not a new request. */
  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      new TreeMap<String, JsonNode>(
              node.properties().stream()
                  .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
          .forEach((name, value) -> sorted.set(name, canonical(value)));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return node;
  }
}
