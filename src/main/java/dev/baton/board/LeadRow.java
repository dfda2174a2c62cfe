package dev.baton.board;

import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.sla.SlaState;
import java.time.Instant;

/** A lead in a list of the scoreboard: who, from where, and where its acceptance clock stands. */
record LeadRow(
    String id,
    String name,
    String source,
    String segment,
    String assignee,
    String qualifiedAt,
    String deadline,
    boolean overdue) {

  static LeadRow of(LeadView lead, Instant now) {
    return new LeadRow(
        lead.id().toString(),
        name(lead),
        lead.attribution().source(),
        lead.segment() == null ? "–" : lead.segment(),
        lead.assignee() == null
            ? (lead.owner() == null ? "–" : lead.owner())
            : lead.assignee().memberId(),
        lead.sla() == null ? "–" : Format.time(lead.sla().startedAt()),
        lead.sla() == null ? "–" : Format.time(lead.sla().deadline()),
        lead.sla() != null
            && (lead.sla().state() == SlaState.BREACHED || lead.sla().deadline().isBefore(now)));
  }

  /** The company and the person, as far as they are known and not erased. */
  static String name(LeadView lead) {
    String company = lead.company() == null ? null : lead.company().name();
    String person = null;
    if (lead.contact() != null) {
      String first = lead.contact().firstName();
      String last = lead.contact().lastName();
      person =
          first == null && last == null
              ? lead.contact().email()
              : ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }
    if (lead.erasedAt() != null) {
      return "Erased lead";
    }
    if (company != null && person != null) {
      return person + ", " + company;
    }
    return company != null ? company : person != null ? person : "Lead " + lead.id();
  }
}
