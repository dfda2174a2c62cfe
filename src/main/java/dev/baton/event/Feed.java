package dev.baton.event;

import dev.baton.event.FeedResource.EventPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** The change feed: see {@link LeadEventRepository#feed} for why a poller never misses an event. */
@ApplicationScoped
public class Feed {

  private final LeadEventRepository events;

  public Feed(LeadEventRepository events) {
    this.events = events;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public EventPage read(FeedCursor after, List<String> types, int limit) {
    LeadEventRepository.FeedPage page = events.feed(after, types, limit);
    return new EventPage(
        page.events().stream().map(EventView::from).toList(), page.next().encode());
  }
}
