package io.jenkins.plugins.containercloud.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tests for {@link RetryPolicy}. */
class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4));

  @Test
  void call_retriesTransientFailuresUntilSuccess() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<RetryPolicy.RetryNotice> notices = new ArrayList<>();

    String result =
        policy.call(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IOException("connection reset");
              }
              return "done";
            },
            e -> e instanceof IOException,
            notices::add);

    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(3);
    assertThat(notices).extracting(RetryPolicy.RetryNotice::attempt).containsExactly(1, 2);
    assertThat(notices.get(0).describe())
        .contains("attempt 1 of 4 failed (connection reset); retrying in");
  }

  @Test
  void call_stopsAtMaxAttempts_andRethrowsTheLastFailure() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                policy.call(
                    () -> {
                      throw new IOException("reset " + calls.incrementAndGet());
                    },
                    e -> true,
                    notice -> {}))
        .hasMessage("reset 4");
    assertThat(calls).hasValue(4);
  }

  @Test
  void call_doesNotRetryPermanentFailures() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                policy.call(
                    () -> {
                      calls.incrementAndGet();
                      throw RegistryException.forStatus("refused: 401", 401);
                    },
                    RegistryClient::isTransient,
                    notice -> {}))
        .hasMessage("refused: 401");
    assertThat(calls).hasValue(1);
  }

  @Test
  void backoff_growsExponentially_withinTheCap() {
    RetryPolicy slow = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));

    assertThat(slow.backoff(1).toMillis()).isBetween(50L, 100L);
    assertThat(slow.backoff(3).toMillis()).isBetween(200L, 400L);
    assertThat(slow.backoff(9).toMillis()).isBetween(500L, 1000L);
  }

  @Test
  void transientFailures_areServerErrorsAndIo() {
    assertThat(RegistryClient.isTransient(RegistryException.forStatus("x", 503))).isTrue();
    assertThat(RegistryClient.isTransient(RegistryException.forStatus("x", 429))).isTrue();
    assertThat(RegistryClient.isTransient(new IOException("reset"))).isTrue();
    for (int status : new int[] {400, 401, 403, 404}) {
      assertThat(RegistryClient.isTransient(RegistryException.forStatus("x", status))).isFalse();
    }
  }

  @Test
  void constructor_rejectsZeroAttempts() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts must be at least 1");
  }
}
