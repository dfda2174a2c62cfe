package dev.baton.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests that `./mvnw package` generates in target/kubernetes/kubernetes.yml: every object
 * conforms to the Kubernetes schema of its kind, and the Deployment is one that survives production
 * (replicas, resources, probes, configuration by reference, graceful stop).
 */
class KubernetesManifestsIT {

  private static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.yml");
  private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
  private static final Pattern SECRET_NAME =
      Pattern.compile("PASSWORD|SECRET|TOKEN|KEY|CREDENTIAL", Pattern.CASE_INSENSITIVE);

  private static List<JsonNode> objects;

  @BeforeAll
  static void readManifests() throws IOException {
    assertTrue(Files.exists(MANIFESTS), MANIFESTS + " is made by ./mvnw package");
    objects = new ArrayList<>();
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
  }

  @Test
  void everyObjectConformsToTheSchemaOfItsKind() {
    List<String> problems = new ArrayList<>();
    for (JsonNode object : objects) {
      problems.addAll(KubernetesSchema.problems(object));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void atLeastTwoReplicasWithRequestsAndLimits() {
    JsonNode deployment = one("Deployment");
    assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "replicas");
    for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
      for (String bound : List.of("requests", "limits")) {
        for (String resource : List.of("cpu", "memory")) {
          assertTrue(
              container.path("resources").path(bound).hasNonNull(resource),
              container.path("name").asText() + ": resources." + bound + "." + resource);
        }
      }
    }
  }

  @Test
  void probesAskLivenessReadinessAndStartupApart() {
    JsonNode container = baton();
    assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
    assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
    // The database check is in readiness only: a database outage must not restart every replica.
    assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
  }

  @Test
  void operationsEndpointsAreOnTheManagementPortWhichTheServiceDoesNotPublish() {
    JsonNode container = baton();
    int management = containerPort(container, "management");
    int http = containerPort(container, "http");
    assertNotEquals(http, management);
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      assertEquals(management, container.at("/" + probe + "/httpGet/port").asInt(), probe);
    }
    JsonNode pod = one("Deployment").at("/spec/template/metadata/annotations");
    assertEquals(String.valueOf(management), pod.path("prometheus.io/port").asText());
    for (JsonNode port : one("Service").at("/spec/ports")) {
      assertNotEquals(management, port.path("targetPort").asInt(), "the Service publishes " + port);
    }
  }

  // Pod Security Standards, profile "restricted" (baseline included), one rule per test:
  // https://kubernetes.io/docs/concepts/security/pod-security-standards/

  @Test
  void restrictedNoHostNamespacesPortsOrPaths() {
    JsonNode pod = podSpec();
    for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
      assertFalse(pod.path(field).asBoolean(false), field);
    }
    for (JsonNode container : containers()) {
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
    for (JsonNode container : containers()) {
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
    JsonNode pod = podSpec().path("securityContext");
    for (JsonNode container : containers()) {
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
    for (JsonNode container : containers()) {
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
    String pod = podSpec().at("/securityContext/seccompProfile/type").asText("");
    for (JsonNode container : containers()) {
      String type = container.at("/securityContext/seccompProfile/type").asText(pod);
      assertTrue(
          type.equals("RuntimeDefault") || type.equals("Localhost"),
          "seccompProfile.type is " + (type.isEmpty() ? "unset" : type));
    }
  }

  @Test
  void readOnlyRootFilesystemWithAnEmptyDirForTemporaryFiles() {
    JsonNode container = baton();
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
    for (JsonNode declared : podSpec().path("volumes")) {
      if (declared.path("name").asText().equals(volume)) {
        emptyDir = declared.has("emptyDir");
        assertTrue(declared.at("/emptyDir/sizeLimit").isTextual(), "/tmp has no size limit");
      }
    }
    assertTrue(emptyDir, "/tmp is not an emptyDir");
  }

  @Test
  void configurationAndSecretsComeFromReferences() {
    JsonNode container = baton();
    List<String> configMaps = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    for (JsonNode source : container.path("envFrom")) {
      if (source.has("configMapRef")) configMaps.add(source.at("/configMapRef/name").asText());
      if (source.has("secretRef")) secrets.add(source.at("/secretRef/name").asText());
    }
    assertEquals(List.of("baton-config"), configMaps);
    assertEquals(List.of("baton-secrets"), secrets);
  }

  @Test
  void noSecretIsWrittenInTheManifests() {
    for (JsonNode object : objects) {
      assertNotEquals("Secret", object.path("kind").asText(), "a Secret is made by the operator");
      for (JsonNode container : object.at("/spec/template/spec/containers")) {
        for (JsonNode variable : container.path("env")) {
          if (SECRET_NAME.matcher(variable.path("name").asText()).find()) {
            assertFalse(variable.has("value"), variable.path("name").asText() + " has a value");
          }
        }
      }
    }
  }

  @Test
  void aServiceAndADisruptionBudgetSelectThePods() {
    JsonNode podLabels = one("Deployment").at("/spec/template/metadata/labels");
    JsonNode service = one("Service");
    JsonNode budget = one("PodDisruptionBudget");
    assertEquals(1, budget.at("/spec/minAvailable").asInt());
    assertSelects(service.at("/spec/selector"), podLabels);
    assertSelects(budget.at("/spec/selector/matchLabels"), podLabels);
    assertEquals(containerPort(baton(), "http"), service.at("/spec/ports/0/targetPort").asInt());
  }

  @Test
  void thePodGetsLongerToStopThanBatonTakes() throws IOException {
    long grace = one("Deployment").at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
    Duration shutdown = shutdownTimeout();
    assertTrue(
        grace > shutdown.toSeconds(),
        "terminationGracePeriodSeconds "
            + grace
            + " must exceed quarkus.shutdown.timeout "
            + shutdown);
  }

  /** The default of quarkus.shutdown.timeout: a plain duration or ${VARIABLE:default}. */
  private static Duration shutdownTimeout() throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
      properties.load(reader);
    }
    String value = properties.getProperty("quarkus.shutdown.timeout");
    assertTrue(value != null, "quarkus.shutdown.timeout is set");
    Matcher expression = Pattern.compile("\\$\\{[^:}]+:([^}]+)}").matcher(value.trim());
    String duration = (expression.matches() ? expression.group(1) : value).trim();
    return duration.startsWith("P")
        ? Duration.parse(duration)
        : Duration.parse("PT" + duration.toUpperCase(Locale.ROOT));
  }

  private static void assertSelects(JsonNode selector, JsonNode labels) {
    assertTrue(selector.size() > 0, "empty selector");
    selector
        .fields()
        .forEachRemaining(
            label ->
                assertEquals(
                    label.getValue().asText(),
                    labels.path(label.getKey()).asText(null),
                    "selector label " + label.getKey()));
  }

  private static int containerPort(JsonNode container, String name) {
    for (JsonNode port : container.path("ports")) {
      if (port.path("name").asText().equals(name)) {
        return port.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port named " + name);
  }

  private static JsonNode podSpec() {
    return one("Deployment").at("/spec/template/spec");
  }

  private static List<JsonNode> containers() {
    List<JsonNode> all = new ArrayList<>();
    podSpec().path("initContainers").forEach(all::add);
    podSpec().path("containers").forEach(all::add);
    assertFalse(all.isEmpty(), "no container");
    return all;
  }

  private static JsonNode baton() {
    for (JsonNode container : one("Deployment").at("/spec/template/spec/containers")) {
      if (container.path("name").asText().equals("baton")) {
        return container;
      }
    }
    throw new AssertionError("no container named baton");
  }

  private static JsonNode one(String kind) {
    List<JsonNode> found =
        objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    assertEquals(1, found.size(), "objects of kind " + kind);
    return found.get(0);
  }
}
