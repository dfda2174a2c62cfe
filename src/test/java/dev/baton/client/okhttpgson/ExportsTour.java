package dev.baton.client.okhttpgson;

import static dev.baton.client.okhttpgson.Clients.admin;
import static dev.baton.client.okhttpgson.Clients.as;
import static dev.baton.client.okhttpgson.Clients.newLead;
import static dev.baton.client.okhttpgson.Clients.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.gson.api.ExportsApi;
import dev.baton.client.gson.api.LeadsApi;
import dev.baton.client.gson.model.Event;
import dev.baton.client.gson.model.EventType;
import dev.baton.client.gson.model.ExportFormat;
import dev.baton.client.gson.model.ExportShape;
import dev.baton.client.gson.model.Lead;
import dev.baton.client.gson.model.LeadCreatedEvent;
import dev.baton.client.gson.model.Problem;
import dev.baton.client.gson.model.Role;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exports through the okhttp-gson client: a download is a file, one model per line. */
interface ExportsTour {

  @Test
  default void theLeadsOfASourceDownloadAsNdjsonAndCsvAndResumeAfterTheLastLine() throws Exception {
    String source = "okhttp-gson-export-" + UUID.randomUUID();
    LeadsApi leads = new LeadsApi(admin());
    Lead first = leads.handOffLead(newLead(source), null);
    Lead second = leads.handOffLead(newLead(source), null);
    ExportsApi exports = new ExportsApi(as(Role.ANALYST));

    List<Lead> all = new ArrayList<>();
    for (String line :
        lines(
            exports.exportLeads(
                null, null, null, null, null, null, null, null, source, null, null))) {
      all.add(Lead.fromJson(line));
    }
    assertEquals(List.of(first, second), all);

    // Cut off after the first line: ask for what follows it.
    List<String> rest =
        lines(
            exports.exportLeads(
                first.getId(), null, null, null, null, null, null, null, source, null, null));
    assertEquals(second.getId(), Lead.fromJson(rest.get(0)).getId());
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
    var row = com.google.gson.JsonParser.parseString(history.get(0)).getAsJsonObject();
    assertEquals(
        first.getContact().getEmail(), row.getAsJsonObject("contact").get("email").getAsString());
    assertEquals("GENERATED", row.get("status").getAsString());
    assertEquals(first.getCreatedAt().toInstant().toString(), row.get("handedOffAt").getAsString());

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
    Lead lead = new LeadsApi(admin()).handOffLead(newLead("okhttp-gson-export"), null);
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
    LeadCreatedEvent created = (LeadCreatedEvent) Event.fromJson(lines.get(0)).getActualInstance();
    assertEquals(lead.getId(), created.getLeadId());
    assertEquals("okhttp-gson-export", created.getData().getSource());

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
