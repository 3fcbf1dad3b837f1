package org.ttnlw.migrate.sim;

import io.grpc.Metadata;
import java.util.List;

/**
 * One page of a TTS List RPC: {@code limit} items of page {@code page} (numbered from 1), the
 * total in the {@code x-total-count} header. A request without a limit gets the server's default
 * page size, as TTS's IS does since 3.32.2 and its AS and NS since 3.34.0: a client that sends no
 * limit sees only the first page.
 */
final class ListPage {
  /** The default page size of the AS and NS (3.34.0 and later). */
  static final int SERVER_DEFAULT = 100;
  private static final Metadata.Key<String> TOTAL_COUNT =
      Metadata.Key.of("x-total-count", Metadata.ASCII_STRING_MARSHALLER);

  private ListPage() {}

  static <T> List<T> of(List<T> all, int limit, int page, int defaultSize,
      Metadata responseHeaders) {
    responseHeaders.put(TOTAL_COUNT, Integer.toString(all.size()));
    long size = limit == 0 ? defaultSize : Integer.toUnsignedLong(limit);
    long number = Math.max(1, Integer.toUnsignedLong(page));
    return all.stream().skip((number - 1) * size).limit(size).toList();
  }
}
