package org.ttnlw.migrate.source.firefly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.Backoff;
import org.ttnlw.migrate.calls.FailureReach;
import org.ttnlw.migrate.core.CallSettings;

/**
 * Firefly's HTTP JSON API over OkHttp: the key in the {@code auth} query parameter of every
 * request, requests paced under the rate limit, and a request that failed for a passing reason
 * (rate limited, server unavailable, connection lost, timed out) tried again after a pause, at
 * least as long as Firefly asked. Every URL and message that leaves this class has the key masked.
 */
final class FireflyApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FireflyApi.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String MASK = "***";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpUrl base;
  private final String apiKey;
  private final OkHttpClient client;
  private final RequestPacer pacer;
  private final Backoff backoff;
  private final int retries;
  private final ScheduledExecutorService scheduler;

  FireflyApi(FireflyConfig config, CallSettings context, RequestPacer pacer, Backoff backoff) {
    this.base = config.baseUrl();
    this.apiKey = config.apiKey();
    this.pacer = pacer;
    this.backoff = backoff;
    this.retries = context.retries();
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(context.concurrency() + 1);
    dispatcher.setMaxRequestsPerHost(context.concurrency() + 1);
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(context.concurrency() + 1, 1, TimeUnit.MINUTES))
        .callTimeout(context.callTimeout())
        .connectTimeout(min(context.callTimeout(), Duration.ofSeconds(10)))
        .retryOnConnectionFailure(false)
        .followRedirects(false);
    if (!config.trust().plaintext()) {
      X509TrustManager trust = config.trust().x509TrustManager();
      builder.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
    }
    this.client = builder.build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "firefly-retries");
      thread.setDaemon(true);
      return thread;
    });
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static SSLContext sslContext(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GET {@code path} (below {@code /api/v1/}) with extra query parameters. */
  CompletableFuture<JsonNode> get(String what, String path, Map<String, String> query) {
    return send(what, getRequest(path, query), retries);
  }

  /**
   * GET {@code path} once, never again: a pre-flight, whose failure (a refused key, an address
   * nobody answers, TLS that does not match) would fail every later call too.
   */
  CompletableFuture<JsonNode> getOnce(String what, String path, Map<String, String> query) {
    return send(what, getRequest(path, query), 0);
  }

  private Request getRequest(String path, Map<String, String> query) {
    HttpUrl.Builder url = url(path);
    query.forEach(url::addQueryParameter);
    return new Request.Builder().url(url.build()).get().header("Accept", "application/json")
        .build();
  }

  /** PUT a JSON body to {@code path}. */
  CompletableFuture<JsonNode> put(String what, String path, JsonNode body) {
    RequestBody json;
    try {
      json = RequestBody.create(MAPPER.writeValueAsBytes(body), JSON);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return send(what, new Request.Builder().url(url(path).build()).put(json)
        .header("Accept", "application/json").build(), retries);
  }

  private HttpUrl.Builder url(String path) {
    return base.newBuilder().addPathSegments(path).addQueryParameter("auth", apiKey);
  }

  /** The URL as it may be shown: the API key replaced by {@code ***}. */
  String masked(HttpUrl url) {
    return url.newBuilder().setQueryParameter("auth", MASK).build().toString();
  }

  /** {@code text} with every spelling of the API key masked, for messages built from elsewhere. */
  String masked(String text) {
    if (text == null) {
      return "";
    }
    String encoded = HttpUrl.get("http://x/").newBuilder().addQueryParameter("k", apiKey).build()
        .encodedQuery().substring(2);
    return text.replace(apiKey, MASK).replace(encoded, MASK);
  }

  /** @param retries how often a transient failure is tried again */
  private CompletableFuture<JsonNode> send(String what, Request request, int retries) {
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    attempt(what, request, 1, retries, result);
    return result;
  }

  private void attempt(String what, Request request, int attempt, int retries,
      CompletableFuture<JsonNode> result) {
    long wait = pacer.reserve(System.currentTimeMillis());
    if (wait > 0) {
      scheduler.schedule(() -> call(what, request, attempt, retries, result), wait,
          TimeUnit.MILLISECONDS);
    } else {
      call(what, request, attempt, retries, result);
    }
  }

  private void call(String what, Request request, int attempt, int retries,
      CompletableFuture<JsonNode> result) {
    if (result.isCancelled()) {
      return;
    }
    log.debug("{}: {} {}", what, request.method(), masked(request.url()));
    client.newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        // A server whose certificate is not trusted stays so, however often it is asked.
        retryOrFail(what, request, attempt, retries, result, Duration.ZERO,
            !(e instanceof SSLException),
            new FireflyCallException(what + ": " + request.method() + " " + masked(request.url())
                + " failed: " + masked(describe(e)), 0, FailureReach.isConnectionTrouble(e)));
      }

      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          handle(what, request, attempt, retries, result, response);
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      }
    });
  }

  private void handle(String what, Request request, int attempt, int retries,
      CompletableFuture<JsonNode> result, Response response) {
    int status = response.code();
    String where = request.method() + " " + masked(request.url());
    String body = bodyText(response.body());
    if (status == 200 || status == 201 || status == 204) {
      try {
        result.complete(body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body));
      } catch (IOException e) {
        result.completeExceptionally(new FireflyCallException(what + ": " + where
            + " answered HTTP " + status + " with a body that is not JSON", status, false));
      }
      return;
    }
    String cause = switch (status) {
      case 401, 403 -> "Firefly refused the API key (HTTP " + status + "); check --api-key and"
          + " that the key has not expired or been revoked";
      case 404 -> "not found (HTTP 404)";
      case 429 -> "rate limited by Firefly (HTTP 429)";
      default -> "HTTP " + status + errorText(body);
    };
    boolean transient_ = status == 429 || status == 502 || status == 503 || status == 504
        || status == 500;
    retryOrFail(what, request, attempt, retries, result, serverAsked(response), transient_,
        new FireflyCallException(what + ": " + where + ": " + masked(cause), status,
            status == 401 || status == 403));
  }

  private void retryOrFail(String what, Request request, int attempt, int retries,
      CompletableFuture<JsonNode> result, Duration serverAsked, boolean transient_,
      FireflyCallException failure) {
    if (!transient_ || attempt > retries) {
      result.completeExceptionally(attempt > 1
          ? new FireflyCallException(failure.getMessage() + " (gave up after " + attempt
              + " attempts)", failure.status(), failure.failsEveryItem())
          : failure);
      return;
    }
    Duration pause = backoff.pause(attempt, serverAsked, ThreadLocalRandom.current());
    log.debug("{}; trying again in {} ms", failure.getMessage(), pause.toMillis());
    scheduler.schedule(() -> attempt(what, request, attempt + 1, retries, result),
        pause.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * How long Firefly asked to wait: {@code x-ratelimit-reset} (milliseconds until the window
   * resets, as the documentation's example reads) or a standard {@code Retry-After} in seconds.
   */
  static Duration serverAsked(Response response) {
    Duration asked = Duration.ZERO;
    String reset = response.header("x-ratelimit-reset");
    String retryAfter = response.header("Retry-After");
    try {
      if (reset != null) {
        asked = Duration.ofMillis(Math.max(0, Long.parseLong(reset.strip())));
      } else if (retryAfter != null) {
        asked = Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
      }
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
    return asked.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : asked;
  }

  private static String bodyText(ResponseBody body) {
    try {
      return body == null ? "" : body.string();
    } catch (IOException e) {
      return "";
    }
  }

  /** Firefly's own error text, when its body is {@code {"error": "..."}}. */
  private static String errorText(String body) {
    try {
      JsonNode error = MAPPER.readTree(body).path("error");
      return error.isTextual() ? " (" + error.asText() + ")" : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
