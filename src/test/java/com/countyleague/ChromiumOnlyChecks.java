package com.countyleague;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Names, at the end of the test run, every check that needs a rendering engine and was left out
 * because Chromium is not installed here, and which browser ran the journeys. Registered with the
 * JUnit Platform in {@code META-INF/services}.
 */
public class ChromiumOnlyChecks implements TestExecutionListener {

    private static final Set<String> LEFT_OUT = new ConcurrentSkipListSet<>();
    private static volatile boolean journeysRan;

    static void leftOut(String check) {
        LEFT_OUT.add(check);
    }

    static void journeyStarted() {
        journeysRan = true;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!journeysRan) {
            return;
        }
        StringBuilder report = new StringBuilder("\n=== Browser journeys ran in ").append(Browser.engine()).append(" ===\n");
        if (!LEFT_OUT.isEmpty()) {
            report.append("!!! ").append(LEFT_OUT.size()).append(" CHROMIUM-ONLY CHECKS WERE LEFT OUT (apt-get install -y chromium chromium-driver to run them):\n");
            LEFT_OUT.forEach(check -> report.append("!!!   - ").append(check).append('\n'));
        }
        System.out.println(report);
    }
}
