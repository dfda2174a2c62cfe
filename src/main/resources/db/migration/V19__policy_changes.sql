-- Every replica keeps the SLA and routing policies in memory (Remembered) and forgets them when
-- this channel says either table changed: a new policy, through the API or by hand, reaches every
-- replica at its commit.
CREATE FUNCTION policy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('baton_policy_changed', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER sla_policy_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_policy
  FOR EACH STATEMENT EXECUTE FUNCTION policy_changed();
CREATE TRIGGER routing_policy_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing_policy
  FOR EACH STATEMENT EXECUTE FUNCTION policy_changed();
