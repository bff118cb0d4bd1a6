package com.countyleague.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.countyleague.BrowserTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads that could take the server down: a zip bomb, a sheet past the row limit and a file of the
 * wrong kind are refused within seconds, each read in a JVM of its own with a small heap; a 50 MB
 * upload is answered with the limit by the running server; the largest sheet allowed is read in a
 * quarter-gigabyte heap.
 */
@BrowserTest
class UploadLimitsTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @Test
    void aZipBombIsRefusedWithinSecondsInA128MbHeap() throws Exception {
        Path bomb = files.resolve("bomb.xlsx");
        SheetProbe.writeZipBomb(bomb, 1L << 30);
        assertThat(Files.size(bomb)).as("a few megabytes on disk").isLessThan(5L << 20);

        Probe probe = probe("128m", bomb);
        assertThat(probe.outcome()).isEqualTo("refused=member.import.inflates-too-much");
        assertThat(probe.millis()).isLessThan(5000);
        assertThat(probe.peakMb()).isLessThanOrEqualTo(128);
    }

    @Test
    void theLargestSheetAllowedIsReadInA256MbHeapAndOneRowMoreIsRefused() throws Exception {
        Path largest = files.resolve("largest.xlsx");
        SheetProbe.writeLedgerSheet(largest, 100_000);
        Probe read = probe("256m", largest);
        System.out.printf("100,000-row sheet (%d MB): read in %d ms, heap peak %d MB of 256%n",
                Files.size(largest) >> 20, read.millis(), read.peakMb());
        assertThat(read.outcome()).isEqualTo("rows=100000");

        Path over = files.resolve("over.xlsx");
        SheetProbe.writeLedgerSheet(over, 100_001);
        assertThat(probe("256m", over).outcome()).isEqualTo("refused=member.import.too-many-rows");
    }

    @Test
    void filesOfTheWrongKindAreRefusedAsSuch() throws Exception {
        Path pdf = files.resolve("ledger.xlsx");
        Files.write(pdf, "%PDF-1.7 not a sheet".getBytes(StandardCharsets.US_ASCII));
        assertThat(probe("64m", pdf).outcome()).isEqualTo("refused=member.import.file-type");
        Path binary = files.resolve("ledger.csv");
        Files.write(binary, new byte[] {'M', 'Z', 0, 0, 1, 2});
        assertThat(probe("64m", binary).outcome()).isEqualTo("refused=member.import.file-type");
        Path svg = files.resolve("ledger.svg");
        Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        assertThat(probe("64m", svg).outcome()).isEqualTo("refused=member.import.file-type");
    }

    @Test
    void a50MbUploadIsAnsweredWithTheLimitWithinSeconds() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(form(base + "/login", "username=admin&password=Demo%402026&_csrf=" + token(login)), HttpResponse.BodyHandlers.discarding());
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/people/import")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        byte[] fifty = new byte[50 << 20];
        long started = System.nanoTime();
        HttpResponse<String> answer = browser.send(multipart(base + "/admin/people/import", token(page), "ledger.xlsx", fifty),
                HttpResponse.BodyHandlers.ofString());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("文件不能超过 20 MB").doesNotContain("Exception");
        assertThat(millis).isLessThan(5000);
    }

    private record Probe(String outcome, long millis, long peakMb) {
    }

    /** Reads the file in a JVM of its own with this heap limit: what happened, how long it took, the heap it used. */
    private static Probe probe(String heap, Path file) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                SheetProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Matcher m = Pattern.compile("(\\S+) ms=(\\d+) peakMb=(\\d+) maxMb=\\d+").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return new Probe(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest multipart(String url, String csrf, String fileName, byte[] content) throws IOException {
        String boundary = "----upload-limits";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
