package dev.baton.client.okhttpgson;

import static dev.baton.client.okhttpgson.Clients.admin;
import static dev.baton.client.okhttpgson.Clients.as;
import static dev.baton.client.okhttpgson.Clients.newLead;
import static dev.baton.client.okhttpgson.Clients.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.client.gson.api.ChangeFeedApi;
import dev.baton.client.gson.api.LeadMovesApi;
import dev.baton.client.gson.api.LeadsApi;
import dev.baton.client.gson.api.ReportsApi;
import dev.baton.client.gson.model.AcceptLead;
import dev.baton.client.gson.model.Event;
import dev.baton.client.gson.model.EventPage;
import dev.baton.client.gson.model.EventType;
import dev.baton.client.gson.model.FunnelFigures;
import dev.baton.client.gson.model.FunnelGroupBy;
import dev.baton.client.gson.model.FunnelReport;
import dev.baton.client.gson.model.InitialStatus;
import dev.baton.client.gson.model.Lead;
import dev.baton.client.gson.model.LeadCreatedEvent;
import dev.baton.client.gson.model.Problem;
import dev.baton.client.gson.model.Role;
import dev.baton.client.gson.model.SlaReport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The funnel and SLA reports and the change feed through the okhttp-gson client. */
interface ReportsTour {

  @Test
  default void theFunnelCountsTheLeadsOfASourceAndRefusesABadDate() throws Exception {
    String source = "okhttp-gson-" + UUID.randomUUID();
    LeadsApi leads = new LeadsApi(admin());
    Lead accepted = leads.handOffLead(newLead(source).status(InitialStatus.QUALIFIED), null);
    new LeadMovesApi(admin())
        .acceptLead(accepted.getId(), new AcceptLead().owner("jane"), null, null);
    leads.handOffLead(newLead(source), null);

    ReportsApi metrics = new ReportsApi(as(Role.ANALYST));
    FunnelFigures mine =
        metrics
            .getFunnelMetrics(null, null, FunnelGroupBy.SOURCE, null, null, null)
            .getGroups()
            .stream()
            .filter(g -> source.equals(g.getKey()))
            .findFirst()
            .orElseThrow();
    assertEquals(2, mine.getHandedOff());
    assertEquals(1, mine.getReached().getQualified());
    assertEquals(1, mine.getReached().getAccepted());

    // The same leads alone, week by week: the series adds up to the totals.
    FunnelReport weekly =
        metrics.getFunnelMetrics(null, null, FunnelGroupBy.WEEK, null, source, null);
    assertEquals(FunnelGroupBy.WEEK, weekly.getGroupBy());
    assertEquals(source, weekly.getSource());
    assertEquals(2, weekly.getTotals().getHandedOff());
    assertEquals(2, weekly.getGroups().stream().mapToLong(FunnelFigures::getHandedOff).sum());

    Problem problem =
        refused(400, () -> metrics.getFunnelMetrics(null, "yesterday", null, null, null, null));
    assertEquals("from", problem.getErrors().get(0).getField());
  }

  @Test
  default void theSlaReportShowsWhatSalesOwesASegment() throws Exception {
    String segment = "okhttp-gson-" + UUID.randomUUID();
    new LeadsApi(admin())
        .handOffLead(newLead("okhttp-gson").segment(segment).status(InitialStatus.QUALIFIED), null);

    ReportsApi sla = new ReportsApi(as(Role.ANALYST));
    SlaReport report = sla.getSlaReport(null, null, segment, null, null);
    assertEquals(segment, report.getSegment());
    assertEquals(1, report.getSales().getWaitingNow());
    assertEquals(1, report.getMarketing().getQualifiedDelivered());

    Problem problem = refused(400, () -> sla.getSlaReport(null, null, segment, null, "not-a-date"));
    assertEquals("to", problem.getErrors().get(0).getField());
  }

  @Test
  default void theChangeFeedIsReadOnFromItsCursor() throws Exception {
    ChangeFeedApi feed = new ChangeFeedApi(as(Role.ANALYST));
    String cursor = null;
    List<Event> seen = new ArrayList<>();
    cursor = poll(feed, cursor, seen); // to the end of the feed
    Lead lead = new LeadsApi(admin()).handOffLead(newLead("okhttp-gson-feed"), null);

    seen.clear();
    poll(feed, cursor, seen);
    LeadCreatedEvent created =
        seen.stream()
            .map(Event::getActualInstance)
            .filter(e -> e instanceof LeadCreatedEvent c && c.getLeadId().equals(lead.getId()))
            .map(LeadCreatedEvent.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals(1L, created.getLeadVersion());
    assertEquals("okhttp-gson-feed", created.getData().getSource());

    Problem problem = refused(400, () -> feed.readChangeFeed("not-a-cursor", null, null));
    assertEquals("after", problem.getErrors().get(0).getField());
  }

  /** Reads every event after the cursor, and answers where to read on from. */
  private static String poll(ChangeFeedApi feed, String cursor, List<Event> seen) throws Exception {
    // snippet:poll-change-feed
    // cursor: null the first time, then the nextCursor you stored after the previous read
    // Only the types this client knows: a later version of Baton may add others.
    List<EventType> known = List.of(EventType.values());
    while (true) {
      EventPage page = feed.readChangeFeed(cursor, known, 200);
      seen.addAll(page.getData()); // event.getActualInstance(): LeadAcceptedEvent…
      cursor = page.getNextCursor(); // store it with what you did, to resume from it
      if (page.getData().isEmpty()) {
        break; // caught up: poll again later from the same cursor
      }
    }
    // end-snippet
    return cursor;
  }
}
