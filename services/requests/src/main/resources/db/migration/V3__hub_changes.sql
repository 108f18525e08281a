-- Every replica keeps the hubs in memory for routing; a change to them wakes all replicas to reload at once.
CREATE FUNCTION hubs_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('tredegar_hubs', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER hubs_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hubs
    FOR EACH STATEMENT EXECUTE FUNCTION hubs_notify();
