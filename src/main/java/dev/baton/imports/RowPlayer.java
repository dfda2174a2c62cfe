package dev.baton.imports;

import dev.baton.imports.ImportBatches.Row;
import dev.baton.imports.Records.Record;
import dev.baton.lead.HistoryReplay;
import dev.baton.lead.ImportedLeads;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.lead.PastRecords.Past;
import dev.baton.lead.Played;
import dev.baton.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;

/**
 * A row from its bytes to what it writes, on the reading thread, ahead of its batch: parsed and
 * validated ({@link RowParser}), played through the funnel ({@link HistoryReplay}) and rendered as
 * {@code COPY} text ({@link ImportedLeads#render}). What is left to the batch's transaction is what
 * depends on the leads there: duplicates, and the link to a person's last closed lead.
 */
final class RowPlayer {

  private final RowParser parser;
  private final HistoryReplay.Rules rules;
  private final ImportedLeads imported;
  private final UUID jobId;
  private final UUID keyId;
  private final boolean updates;

  RowPlayer(
      RowParser parser,
      HistoryReplay.Rules rules,
      ImportedLeads imported,
      UUID jobId,
      UUID keyId,
      ImportJob.Duplicates policy) {
    this.parser = parser;
    this.rules = rules;
    this.imported = imported;
    this.jobId = jobId;
    this.keyId = keyId;
    this.updates = policy == ImportJob.Duplicates.UPDATE;
  }

  /** Row {@code number}, read at {@code now}: its past played, or the problem that refuses it. */
  Row row(long number, Record record, Instant now) {
    if (record.tooLong()) {
      return Row.refused(number, ProblemException.invalid("row", "is longer than 1 MiB"));
    }
    Past past;
    try {
      past = parser.parse(record.bytes());
    } catch (ProblemException e) {
      return Row.refused(number, e);
    }
    NewLead details = updates ? past.lead() : null;
    try {
      Played played = HistoryReplay.play(past, now, rules);
      return new Row(number, details, imported.render(played, jobId, keyId, now), null);
    } catch (ProblemException e) {
      return new Row(number, details, null, e);
    }
  }
}
