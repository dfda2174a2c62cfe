package dev.baton.lead;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "DisputeState",
    description =
        "OPEN: waiting for sales; UPHELD: the rejection stands; OVERTURNED: the lead went back to"
            + " QUALIFIED")
public enum DisputeState {
  OPEN,
  UPHELD,
  OVERTURNED
}
