package dev.baton.export;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an export is written as: chosen by {@code ?format=}, never by {@code Accept}. */
@Schema(
    name = "ExportFormat",
    description =
        "ndjson: one JSON object per line (application/x-ndjson); csv: a header line, then one"
            + " flat row per line (text/csv, UTF-8, RFC 4180)")
public enum ExportFormat {
  ndjson("application/x-ndjson"),
  csv("text/csv; charset=utf-8");

  private final String mediaType;

  ExportFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }
}
