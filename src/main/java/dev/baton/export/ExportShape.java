package dev.baton.export;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What each line of a lead export is: chosen by {@code ?shape=}. */
@Schema(
    name = "ExportShape",
    description =
        "lead: each line is the Lead that getLead answers; history: each line is a row of"
            + " createImport (NDJSON only) — the lead's details now, the status it was handed off"
            + " in and its moves and feedback at their times — so that importing an export plays"
            + " the same funnel again")
public enum ExportShape {
  lead,
  history
}
