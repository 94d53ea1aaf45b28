-- Failed sign-ins are now counted in rate-limit buckets; the audit log keeps them as events only.
DROP INDEX IF EXISTS audit_events_sign_in_failures;
