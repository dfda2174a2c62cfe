package dev.baton.client.okhttpgson;

import static dev.baton.client.okhttpgson.Clients.admin;
import static dev.baton.client.okhttpgson.Clients.as;
import static dev.baton.client.okhttpgson.Clients.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.gson.ApiException;
import dev.baton.client.gson.api.ImportsApi;
import dev.baton.client.gson.api.LeadsApi;
import dev.baton.client.gson.model.ImportDuplicates;
import dev.baton.client.gson.model.ImportFormat;
import dev.baton.client.gson.model.ImportJob;
import dev.baton.client.gson.model.ImportOutcome;
import dev.baton.client.gson.model.ImportRowResult;
import dev.baton.client.gson.model.ImportState;
import dev.baton.client.gson.model.LeadStatus;
import dev.baton.client.gson.model.Problem;
import dev.baton.client.gson.model.Role;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Imports of leads with their past through the okhttp-gson client: upload, follow, results, cancel.
 */
interface ImportsTour {

  @Test
  default void anAdminImportsLeadsWithTheirPastAndReadsTheResults() throws Exception {
    ImportsApi imports = new ImportsApi(admin());
    String refusedRow =
        "{\"contact\":{\"email\":\"nope\"},\"handedOffAt\":\"2025-01-06T09:00:00Z\"}";
    ImportJob queued = imports.createImport(row() + "\n" + refusedRow + "\n", "skip", null);
    assertEquals(ImportFormat.NDJSON, queued.getFormat());
    assertEquals(ImportDuplicates.SKIP, queued.getDuplicates());

    ImportJob job = finished(imports, queued.getId());
    assertEquals(ImportState.SUCCEEDED, job.getState(), job.toString());
    assertEquals(2, job.getRowsRead());
    assertEquals(1, job.getRowsCreated());
    assertEquals(1, job.getRowsRefused());
    assertEquals("/api/v1/imports/" + job.getId() + "/results", job.getResults());

    List<ImportRowResult> results = new ArrayList<>();
    for (String line : lines(imports.getImportResults(job.getId(), null))) {
      results.add(ImportRowResult.fromJson(line));
    }
    assertEquals(ImportOutcome.CREATED, results.get(0).getOutcome());
    assertEquals(ImportOutcome.REFUSED, results.get(1).getOutcome());
    assertEquals(2, results.get(1).getRow());
    assertTrue(results.get(1).getProblem().getType().startsWith("urn:baton:problem:"));
    UUID lead = results.get(0).getLeadId();
    assertEquals(LeadStatus.QUALIFIED, new LeadsApi(as(Role.ANALYST)).getLead(lead).getStatus());

    List<String> csv = lines(imports.getImportResults(job.getId(), "csv"));
    assertEquals("row,outcome,leadId,problem", csv.get(0));
    assertEquals("1,CREATED," + lead + ",", csv.get(1));

    Problem ended = refused(409, () -> imports.cancelImport(job.getId()));
    assertEquals("urn:baton:problem:import-ended", ended.getType());
  }

  @Test
  default void aQueuedImportIsCancelled() throws Exception {
    ImportsApi imports = new ImportsApi(admin());
    // The runner looks for jobs every second: a cancel right after the upload nearly always finds
    // the job queued; when the runner was quicker, the answer is 409 and another upload is tried.
    for (int attempt = 0; ; attempt++) {
      ImportJob job = imports.createImport(row() + "\n", null, null);
      try {
        ImportJob cancelled = imports.cancelImport(job.getId());
        assertEquals(ImportState.CANCELLED, cancelled.getState());
        assertNotNull(cancelled.getFinishedAt());
        assertEquals(ImportState.CANCELLED, imports.getImport(job.getId()).getState());
        return;
      } catch (ApiException e) {
        if (e.getCode() != 409 || attempt == 4) {
          throw e;
        }
      }
    }
  }

  @Test
  default void importsAreForAdminsAndUnknownJobsAreNotFound() {
    Problem forbidden =
        refused(403, () -> new ImportsApi(as(Role.MARKETING)).createImport(row(), null, null));
    assertEquals("urn:baton:problem:forbidden", forbidden.getType());
    ImportsApi imports = new ImportsApi(admin());
    Problem bogus = refused(400, () -> imports.createImport(row(), "bogus", null));
    assertEquals("duplicates", bogus.getErrors().get(0).getField());

    UUID unknown = UUID.randomUUID();
    assertEquals(
        "urn:baton:problem:not-found", refused(404, () -> imports.getImport(unknown)).getType());
    assertEquals(
        "urn:baton:problem:not-found",
        refused(404, () -> imports.getImportResults(unknown, null)).getType());
    assertEquals(
        "urn:baton:problem:not-found", refused(404, () -> imports.cancelImport(unknown)).getType());
  }

  /** A lead handed off and qualified in January 2025. */
  private static String row() {
    return "{\"contact\":{\"email\":\""
        + Clients.email()
        + "\"},\"attribution\":{\"source\":\"native-import\"},"
        + "\"handedOffAt\":\"2025-01-06T09:00:00Z\","
        + "\"moves\":[{\"action\":\"qualify\",\"at\":\"2025-01-06T10:00:00Z\",\"score\":70}]}";
  }

  private static ImportJob finished(ImportsApi imports, UUID id) throws Exception {
    long until = System.nanoTime() + 60_000_000_000L;
    ImportJob job = imports.getImport(id);
    while (!Set.of(ImportState.SUCCEEDED, ImportState.FAILED, ImportState.CANCELLED)
            .contains(job.getState())
        && System.nanoTime() < until) {
      Thread.sleep(100);
      job = imports.getImport(id);
    }
    return job;
  }

  private static List<String> lines(File results) throws Exception {
    try {
      return Files.readAllLines(results.toPath(), StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(results.toPath());
    }
  }
}
