package dev.baton.imports;

import dev.baton.idempotency.IdempotencyKey;
import dev.baton.idempotency.Idempotent;
import dev.baton.imports.ImportJob.Duplicates;
import dev.baton.imports.ImportJob.Format;
import dev.baton.imports.ImportRecords.ImportJobView;
import dev.baton.problem.Problem;
import dev.baton.problem.ProblemException;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Tag(
    name = "Imports",
    description = "A company's history of leads brought in with their past moves and their times")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  private final ImportUpload upload;
  private final ImportJobs jobs;
  private final ImportResults results;
  private final SecurityIdentity identity;

  public ImportResource(
      ImportUpload upload, ImportJobs jobs, ImportResults results, SecurityIdentity identity) {
    this.upload = upload;
    this.jobs = jobs;
    this.results = results;
    this.identity = identity;
  }

  @POST
  @Consumes({NDJSON, CSV})
  @Operation(
      operationId = "createImport",
      summary = "Import leads with their past (admin)",
      description =
          "Admin keys. The body is a file of leads, streamed: NDJSON (`application/x-ndjson`),"
              + " one handoff body per line plus `handedOffAt`, `moves` and `feedback`; or CSV"
              + " (`text/csv`), a header line and one lead per row (docs/imports.md). Answers 202"
              + " with the job once the file is stored; a replica then plays every row through the"
              + " funnel table at its own times, in batches. `duplicates` says what becomes of a"
              + " row whose external id is taken or whose person already has an open lead:"
              + " `refuse` (the default: the row is refused with its problem), `skip` (the row"
              + " is skipped, the existing lead named), `update` (the row's editable fields replace"
              + " the existing lead's). An `Idempotency-Key` makes the upload safe to retry: the"
              + " same file answers the first job; another file is 422. A CSV header naming an"
              + " unknown column is 400 before anything is stored. Clients generated from this"
              + " document send the file from a string; a file too big for memory goes as a plain"
              + " HTTP POST that streams it.")
  // Text, not format: binary: Java's native generator would send a binary body's File as the
  // JSON string of its path.
  @RequestBody(
      required = true,
      content = {
        @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "202",
      description = "The job, stored and queued; follow it at Location",
      content = @Content(schema = @Schema(implementation = ImportJobView.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  @APIResponse(responseCode = "413", ref = ErrorResponses.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
  public Response create(
      @Parameter(
              description = "What becomes of a duplicate row: refuse (default), skip or update",
              schema = @Schema(enumeration = {"refuse", "skip", "update"}))
          @QueryParam("duplicates")
          String duplicates,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body)
      throws IOException {
    String key = idempotencyKey == null ? null : IdempotencyKey.parse(idempotencyKey);
    Format format =
        contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(CSV)
            ? Format.CSV
            : Format.NDJSON;
    ImportUpload.Uploaded uploaded =
        upload.upload(Caller.of(identity), key, format, policy(duplicates), body);
    return Response.accepted(uploaded.job())
        .location(URI.create("/api/v1/imports/" + uploaded.job().id()))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getImport",
      summary = "An import job's state and progress (admin)",
      description =
          "Admin keys. Answers the job: its state, rows read, created, updated, skipped and"
              + " refused so far, and once it ended, where its per-row results are.")
  @APIResponse(
      responseCode = "200",
      description = "The job",
      content = @Content(schema = @Schema(implementation = ImportJobView.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public ImportJobView get(@PathParam("id") String id) {
    return jobs.get(Ids.parse(id, "import"));
  }

  @POST
  @Path("/{id}/cancel")
  @Operation(
      operationId = "cancelImport",
      summary = "Cancel an import job (admin)",
      description =
          "Admin keys. Stops the job after the batch it is writing, and drops its file; the"
              + " rows already written stay, and its results list them. 409 `import-ended` when"
              + " the job already ended.")
  @APIResponse(
      responseCode = "200",
      description = "The job, cancelled",
      content = @Content(schema = @Schema(implementation = ImportJobView.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
  public ImportJobView cancel(@PathParam("id") String id) {
    return jobs.cancel(Ids.parse(id, "import"));
  }

  @GET
  @Path("/{id}/results")
  // With the problem's type too: okhttp-gson sends the one JSON type this operation lists, the
  // problem's, as its whole Accept. The answer names its own type (NDJSON or CSV) below.
  @Produces({NDJSON, CSV, Problem.MEDIA_TYPE})
  @Operation(
      operationId = "getImportResults",
      summary = "The per-row results of an import (admin)",
      description =
          "Admin keys. Streams one line per row read so far, in row order (1 is the file's first"
              + " row; a CSV header is not a row): `row`, `outcome` (CREATED, UPDATED, SKIPPED or"
              + " REFUSED), `leadId` (the lead created or updated, or the one a skipped row"
              + " duplicates) and, for a refused row, its `problem`. NDJSON by default;"
              + " `format=csv` gives row,outcome,leadId,problem with the problem as JSON text.")
  // A file to download (format: binary): Java's native generator reads a plain string answer as a
  // JSON value, which NDJSON and CSV are not.
  @APIResponse(
      responseCode = "200",
      description = "The results, one line per row",
      content = {
        @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response results(
      @PathParam("id") String id,
      @Parameter(
              description = "ndjson (default) or csv",
              schema = @Schema(enumeration = {"ndjson", "csv"}))
          @QueryParam("format")
          String format) {
    ImportJob job = jobs.find(Ids.parse(id, "import"));
    boolean csv = "csv".equals(format);
    if (format != null && !csv && !"ndjson".equals(format)) {
      throw ProblemException.invalid("format", "must be ndjson or csv");
    }
    return Response.ok(results.stream(job.id, csv), csv ? CSV + "; charset=utf-8" : NDJSON).build();
  }

  private static Duplicates policy(String duplicates) {
    if (duplicates == null) {
      return Duplicates.REFUSE;
    }
    try {
      return Duplicates.valueOf(duplicates.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("duplicates", "must be refuse, skip or update");
    }
  }
}
