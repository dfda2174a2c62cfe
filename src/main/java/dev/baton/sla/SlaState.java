package dev.baton.sla;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "SlaState",
    description =
        "PENDING: waiting for sales within the deadline; MET: accepted or rejected in time;"
            + " BREACHED: the deadline passed before sales answered")
public enum SlaState {
  PENDING,
  MET,
  BREACHED
}
