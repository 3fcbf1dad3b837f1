package org.ttnlw.migrate.source.firefly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
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
import org.ttnlw.migrate.calls.Retrier;
import org.ttnlw.migrate.core.CallSettings;

/**
 * Firefly's HTTP JSON API over OkHttp: the key in the {@code auth} query parameter of every
 * request, requests paced under the rate limit, and a request that failed for a passing reason
 * (rate limited, server unavailable, connection lost, timed out) tried again by the
 * {@link Retrier} as the {@link FireflyRetryClassifier} says. Every URL and message that leaves
 * this class has the key masked.
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
  private final Retrier retrier;
  /** Holds the requests the pacer keeps waiting. */
  private final ScheduledExecutorService scheduler;

  FireflyApi(FireflyConfig config, CallSettings context, RequestPacer pacer, Backoff backoff) {
    this.base = config.baseUrl();
    this.apiKey = config.apiKey();
    this.pacer = pacer;
    this.retrier = new Retrier(context.retries(), backoff);
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
      Thread thread = new Thread(runnable, "firefly-pacer");
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
    return retrier.call(new Exchange(what, getRequest(path, query)));
  }

  /**
   * GET {@code path} once, never again: a pre-flight, whose failure (a refused key, an address
   * nobody answers, TLS that does not match) would fail every later call too.
   */
  CompletableFuture<JsonNode> getOnce(String what, String path, Map<String, String> query) {
    return retrier.callOnce(new Exchange(what, getRequest(path, query)));
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
    return retrier.call(new Exchange(what, new Request.Builder().url(url(path).build()).put(json)
        .header("Accept", "application/json").build()));
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

  /** One request as the caller asked for it, whatever the number of attempts. */
  private final class Exchange implements Retrier.Attempts<JsonNode> {
    private final String what;
    private final Request request;

    Exchange(String what, Request request) {
      this.what = what;
      this.request = request;
    }

    /**
     * Sends the request when the pacer allows. It fails with a {@link FireflyCallException} when
     * Firefly refused it, with the IOException when the connection failed.
     */
    @Override
    public CompletableFuture<JsonNode> attempt(int number) {
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      long wait = pacer.reserve(System.currentTimeMillis());
      if (wait > 0) {
        scheduler.schedule(() -> send(answer), wait, TimeUnit.MILLISECONDS);
      } else {
        send(answer);
      }
      return answer;
    }

    private void send(CompletableFuture<JsonNode> answer) {
      log.debug("{}: {} {}", what, request.method(), masked(request.url()));
      client.newCall(request).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          answer.completeExceptionally(e);
        }

        @Override
        public void onResponse(Call call, Response response) {
          try (response) {
            answered(response, answer);
          } catch (RuntimeException e) {
            answer.completeExceptionally(e);
          }
        }
      });
    }

    private void answered(Response response, CompletableFuture<JsonNode> answer) {
      int status = response.code();
      String where = request.method() + " " + masked(request.url());
      String body = bodyText(response.body());
      if (status == 200 || status == 201 || status == 204) {
        try {
          answer.complete(body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body));
        } catch (IOException e) {
          answer.completeExceptionally(new FireflyCallException(what + ": " + where
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
      answer.completeExceptionally(new FireflyCallException(what + ": " + where + ": "
          + masked(cause), status, status == 401 || status == 403,
          FireflyRetryClassifier.serverAsked(response)));
    }

    @Override
    public Retrier.Decision shouldRetry(Throwable failure) {
      return FireflyRetryClassifier.shouldRetry(failure);
    }

    @Override
    public String describe(Throwable failure) {
      return asCallFailure(failure).getMessage();
    }

    @Override
    public Throwable giveUp(Throwable failure, int attempts) {
      Throwable last = asCallFailure(failure);
      return attempts > 1 && last instanceof FireflyCallException call
          ? new FireflyCallException(call.getMessage() + " (gave up after " + attempts
              + " attempts)", call.status(), call.failsEveryItem())
          : last;
    }

    /** A failed connection as the message the caller sees; other failures as they are. */
    private Throwable asCallFailure(Throwable failure) {
      return failure instanceof IOException e
          ? new FireflyCallException(what + ": " + request.method() + " " + masked(request.url())
              + " failed: " + masked(exceptionText(e)), 0, FailureReach.isConnectionTrouble(e))
          : failure;
    }
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

  private static String exceptionText(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    retrier.close();
    scheduler.shutdownNow();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
