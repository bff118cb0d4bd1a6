package com.countyleague.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The measured requests of the load tools: HTTP/1.1 over one kept-alive socket, blocking, with the
 * browser's cookies. The JDK's HttpClient spent 2.4–3 ms of CPU per request here (its selector thread
 * and asynchronous stages), as much as the application answering it; on a machine that runs the
 * application, PostgreSQL and the clients together, that CPU was taken from the server being measured.
 */
final class KeepAliveHttp implements AutoCloseable {

    record Answer(int status, byte[] body) {
    }

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(String base) {
        this.base = URI.create(base);
    }

    Answer get(String path, String cookies) {
        return send("GET " + path + " HTTP/1.1\r\n" + headers(cookies) + "\r\n", new byte[0]);
    }

    /** A form post ({@code application/x-www-form-urlencoded}, already encoded). */
    Answer post(String path, String cookies, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\n" + headers(cookies) + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n", body);
    }

    private String headers(String cookies) {
        return "Host: " + base.getHost() + ":" + base.getPort() + "\r\nAccept: text/html,application/json\r\nAccept-Language: zh-CN\r\n"
                + "Cookie: " + cookies + "\r\n";
    }

    private Answer send(String head, byte[] body) {
        boolean reused = socket != null && !socket.isClosed();
        try {
            return exchange(head, body);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw new UncheckedIOException(e);
            }
        }
        // the server closed a connection kept idle too long: once more on a new one, as browsers do
        try {
            return exchange(head, body);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private Answer exchange(String head, byte[] body) throws IOException {
        if (socket == null || socket.isClosed()) {
            open();
        }
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
        return read();
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private Answer read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(header.indexOf(':') + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            copy(length, body);
        }
        if (closes) {
            close();
        }
        return new Answer(status, body.toByteArray());
    }

    private void copy(long count, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        while (count > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count));
            if (n < 0) {
                throw new IOException("connection closed in the middle of an answer");
            }
            to.write(buffer, 0, n);
            count -= n;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        socket = null;
    }
}
