-- Every revocation, by whatever path, tells every listening instance at commit, so that a key
-- verification cached in memory is dropped within moments everywhere (see RevocationListener).
CREATE FUNCTION notify_secret_key_revoked() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('secret_key_revoked', NEW.id::text);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER secret_key_revoked
    AFTER UPDATE OF revoked_at ON secret_keys
    FOR EACH ROW
    WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
    EXECUTE FUNCTION notify_secret_key_revoked();

-- Pages of a merchant's keys, newest first, without revoked ones.
CREATE INDEX secret_keys_account ON secret_keys (account_id);
