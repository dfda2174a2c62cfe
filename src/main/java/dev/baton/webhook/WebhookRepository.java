package dev.baton.webhook;

import dev.baton.paging.Cursor;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

  /** The subscription, if the caller may see it: its own, or any for an admin. */
  Optional<Webhook> visible(UUID id, Caller caller) {
    return find("id = ?1 and deletedAt is null", id)
        .firstResultOptional()
        .filter(w -> caller.role() == Role.ADMIN || w.getOwnerKeyId().equals(caller.keyId()));
  }

  List<Webhook> page(Caller caller, Cursor after, int limit) {
    String owner = caller.role() == Role.ADMIN ? "" : " and ownerKeyId = :owner";
    Parameters params = new Parameters();
    if (!owner.isEmpty()) {
      params.and("owner", caller.keyId());
    }
    String position = "";
    if (after != null) {
      position = " and (createdAt, id) > (:at, :id)";
      params.and("at", after.at()).and("id", after.id());
    }
    return find("deletedAt is null" + owner + position + " order by createdAt, id", params)
        .page(0, limit)
        .list();
  }
}
