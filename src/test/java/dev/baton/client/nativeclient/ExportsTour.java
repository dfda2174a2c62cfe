package dev.baton.client.nativeclient;

import static dev.baton.client.nativeclient.Clients.JSON;
import static dev.baton.client.nativeclient.Clients.admin;
import static dev.baton.client.nativeclient.Clients.as;
import static dev.baton.client.nativeclient.Clients.newLead;
import static dev.baton.client.nativeclient.Clients.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.jnative.api.ExportsApi;
import dev.baton.client.jnative.api.LeadsApi;
import dev.baton.client.jnative.model.Event;
import dev.baton.client.jnative.model.EventType;
import dev.baton.client.jnative.model.ExportFormat;
import dev.baton.client.jnative.model.ExportShape;
import dev.baton.client.jnative.model.Lead;
import dev.baton.client.jnative.model.LeadCreatedEvent;
import dev.baton.client.jnative.model.Problem;
import dev.baton.client.jnative.model.Role;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exports through the native client: a download is a file, one model per line. */
interface ExportsTour {

  @Test
  default void theLeadsOfASourceDownloadAsNdjsonAndCsvAndResumeAfterTheLastLine() throws Exception {
    String source = "native-export-" + UUID.randomUUID();
    LeadsApi leads = new LeadsApi(admin());
    Lead first = leads.handOffLead(newLead(source), null);
    Lead second = leads.handOffLead(newLead(source), null);
    ExportsApi exports = new ExportsApi(as(Role.ANALYST));

    List<Lead> all = new ArrayList<>();
    for (String line :
        lines(
            exports.exportLeads(
                null, null, null, null, null, null, null, null, source, null, null))) {
      all.add(JSON.readValue(line, Lead.class));
    }
    assertEquals(List.of(first, second), all);

    // Cut off after the first line: ask for what follows it.
    List<String> rest =
        lines(
            exports.exportLeads(
                first.getId(), null, null, null, null, null, null, null, source, null, null));
    assertEquals(second.getId(), JSON.readValue(rest.get(0), Lead.class).getId());
    assertEquals(1, rest.size());

    List<String> csv =
        lines(
            exports.exportLeads(
                null, null, null, null, ExportFormat.CSV, null, null, null, source, null, null));
    assertTrue(csv.get(0).startsWith("id,status,email,"), csv.get(0));
    assertEquals(3, csv.size());
    assertTrue(
        csv.get(1).startsWith(first.getId() + ",GENERATED," + first.getContact().getEmail()));

    // The same leads as the rows of an import that brings them, with their past, elsewhere.
    List<String> history =
        lines(
            exports.exportLeads(
                null, null, null, null, null, null, ExportShape.HISTORY, null, source, null, null));
    assertEquals(2, history.size());
    var row = JSON.readTree(history.get(0));
    assertEquals(first.getContact().getEmail(), row.at("/contact/email").asText());
    assertEquals("GENERATED", row.get("status").asText());
    assertEquals(first.getCreatedAt().toInstant().toString(), row.get("handedOffAt").asText());

    Problem problem =
        refused(
            400,
            () ->
                exports.exportLeads(
                    UUID.randomUUID(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    source,
                    null,
                    null));
    assertEquals("after", problem.getErrors().get(0).getField());
  }

  @Test
  default void theEventsOfALeadDownloadAsTheFeedsModels() throws Exception {
    Lead lead = new LeadsApi(admin()).handOffLead(newLead("native-export"), null);
    ExportsApi exports = new ExportsApi(as(Role.ANALYST));

    List<String> lines = List.of();
    for (int i = 0; i < 100 && lines.isEmpty(); i++) {
      // The export, like the feed, holds back what a transaction still running may precede.
      lines =
          lines(
              exports.exportEvents(
                  null, null, null, lead.getId(), null, List.of(EventType.LEAD_CREATED)));
      Thread.sleep(lines.isEmpty() ? 100 : 0);
    }
    assertEquals(1, lines.size());
    LeadCreatedEvent created =
        (LeadCreatedEvent) JSON.readValue(lines.get(0), Event.class).getActualInstance();
    assertEquals(lead.getId(), created.getLeadId());
    assertEquals("native-export", created.getData().getSource());

    List<String> csv =
        lines(exports.exportEvents(null, ExportFormat.CSV, null, lead.getId(), null, null));
    assertTrue(csv.get(1).startsWith(created.getId() + ",lead.created," + lead.getId()));

    Problem problem =
        refused(400, () -> exports.exportEvents(UUID.randomUUID(), null, null, null, null, null));
    assertEquals("after", problem.getErrors().get(0).getField());
  }

  /** The lines of a download, and the file gone. */
  private static List<String> lines(File download) throws IOException {
    try {
      return Files.readAllLines(download.toPath());
    } finally {
      Files.delete(download.toPath());
    }
  }
}
