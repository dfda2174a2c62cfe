-- Every replica keeps the API keys it has seen in memory (ApiKeyCache) and forgets them all when
-- this channel says the table changed: a revocation, through the API or by hand, reaches every
-- replica at its commit.
CREATE FUNCTION api_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('baton_api_key_changed', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER api_key_changed AFTER UPDATE OR DELETE OR TRUNCATE ON api_key
  FOR EACH STATEMENT EXECUTE FUNCTION api_key_changed();
