package so.lava.client;

import java.util.List;
import java.util.Optional;

/** One page of keys, newest first; pass {@code nextCursor} to get the next. */
public record SecretKeyPage(List<SecretKey> data, boolean hasMore, Optional<String> nextCursor) {}
