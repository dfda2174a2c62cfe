package dev.baton.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pod of the Deployment in target/kubernetes/kubernetes.yml meets the Pod Security Standards,
 * profile "restricted" (baseline included), one rule per test:
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/ — and writes only to an
 * emptyDir on /tmp, its root filesystem being read-only.
 */
class PodSecurityIT {

  private static Manifests manifests;

  @BeforeAll
  static void readManifests() throws IOException {
    manifests = Manifests.read();
  }

  @Test
  void restrictedNoHostNamespacesPortsOrPaths() {
    JsonNode pod = manifests.podSpec();
    for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
      assertFalse(pod.path(field).asBoolean(false), field);
    }
    for (JsonNode container : manifests.containers()) {
      for (JsonNode port : container.path("ports")) {
        assertFalse(port.has("hostPort") && port.path("hostPort").asInt() != 0, "hostPort");
      }
    }
    List<String> allowed =
        List.of(
            "configMap",
            "csi",
            "downwardAPI",
            "emptyDir",
            "ephemeral",
            "persistentVolumeClaim",
            "projected",
            "secret");
    for (JsonNode volume : pod.path("volumes")) {
      volume
          .fieldNames()
          .forEachRemaining(
              field ->
                  assertTrue(
                      field.equals("name") || allowed.contains(field),
                      "volume type " + field + " is not allowed under restricted"));
    }
  }

  @Test
  void restrictedNeverPrivilegedAndNoPrivilegeEscalation() {
    for (JsonNode container : manifests.containers()) {
      JsonNode context = container.path("securityContext");
      assertFalse(context.path("privileged").asBoolean(false), "privileged");
      assertTrue(
          context.has("allowPrivilegeEscalation")
              && !context.path("allowPrivilegeEscalation").asBoolean(),
          "allowPrivilegeEscalation must be false");
      assertEquals("Default", context.path("procMount").asText("Default"), "procMount");
    }
  }

  @Test
  void restrictedRunsAsNonRoot() {
    JsonNode pod = manifests.podSpec().path("securityContext");
    for (JsonNode container : manifests.containers()) {
      JsonNode context = container.path("securityContext");
      assertTrue(
          context.path("runAsNonRoot").asBoolean(false)
              || (pod.path("runAsNonRoot").asBoolean(false) && !context.has("runAsNonRoot")),
          "runAsNonRoot must be true");
      assertNotEquals(0, context.path("runAsUser").asInt(-1), "runAsUser 0");
    }
    assertNotEquals(0, pod.path("runAsUser").asInt(-1), "runAsUser 0");
  }

  @Test
  void restrictedDropsAllCapabilities() {
    for (JsonNode container : manifests.containers()) {
      JsonNode capabilities = container.at("/securityContext/capabilities");
      List<String> dropped = new ArrayList<>();
      capabilities.path("drop").forEach(capability -> dropped.add(capability.asText()));
      assertTrue(dropped.contains("ALL"), "capabilities.drop must contain ALL");
      for (JsonNode added : capabilities.path("add")) {
        assertEquals("NET_BIND_SERVICE", added.asText(), "the only capability one may add");
      }
    }
  }

  @Test
  void restrictedRuntimeDefaultSeccomp() {
    String pod = manifests.podSpec().at("/securityContext/seccompProfile/type").asText("");
    for (JsonNode container : manifests.containers()) {
      String type = container.at("/securityContext/seccompProfile/type").asText(pod);
      assertTrue(
          type.equals("RuntimeDefault") || type.equals("Localhost"),
          "seccompProfile.type is " + (type.isEmpty() ? "unset" : type));
    }
  }

  @Test
  void readOnlyRootFilesystemWithAnEmptyDirForTemporaryFiles() {
    JsonNode container = manifests.baton();
    assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(false));
    String volume = null;
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals("/tmp")) {
        volume = mount.path("name").asText();
        assertFalse(mount.path("readOnly").asBoolean(false), "/tmp is mounted read-only");
      }
    }
    assertTrue(volume != null, "nothing mounted on /tmp, where the JVM and Quarkus write");
    boolean emptyDir = false;
    for (JsonNode declared : manifests.podSpec().path("volumes")) {
      if (declared.path("name").asText().equals(volume)) {
        emptyDir = declared.has("emptyDir");
        assertTrue(declared.at("/emptyDir/sizeLimit").isTextual(), "/tmp has no size limit");
      }
    }
    assertTrue(emptyDir, "/tmp is not an emptyDir");
  }
}
