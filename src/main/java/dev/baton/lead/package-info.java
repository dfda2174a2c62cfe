/**
 * Leads and the funnel: handing a lead off (one, a batch of up to 500, or an upsert by another
 * system's id), the moves of {@link dev.baton.lead.Funnel} (the only authority on which status may
 * follow which, and who may make the move), edits by JSON merge patch, disputes of a rejection,
 * erasure of a person, lists and search, and the job that records SLA breaches nobody answered.
 * Entry points: the {@code *Resource} classes under {@code /api/v1/leads} and {@code SlaBreachJob}.
 * Every change of a lead passes through {@code LeadChangeLog}, which writes its event, its cycle
 * row for the reports and its counters.
 */
package dev.baton.lead;
