package com.countyleague.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latencies of a run, as the load tools print them. */
final class Figures {

    private final List<Long> millis;

    Figures(List<Long> millis) {
        this.millis = new ArrayList<>(millis);
        Collections.sort(this.millis);
    }

    long percentile(int p) {
        if (millis.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
        return millis.get(Math.max(0, Math.min(millis.size() - 1, index)));
    }

    int count() {
        return millis.size();
    }

    String summary(double seconds) {
        return String.format(Locale.ROOT, "%d in %.1f s (%.0f/s); p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", count(), seconds,
                count() / seconds, percentile(50), percentile(95), percentile(99), millis.isEmpty() ? 0 : millis.get(millis.size() - 1));
    }
}
