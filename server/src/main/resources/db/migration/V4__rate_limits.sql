-- Token buckets of the rate limits (Bucket4j's PostgreSQL layout), shared by every instance.
-- expires_at (epoch milliseconds) says when a bucket would be full again and can be dropped.
CREATE TABLE rate_limit_buckets (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires ON rate_limit_buckets (expires_at);
