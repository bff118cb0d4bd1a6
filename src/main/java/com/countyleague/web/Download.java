package com.countyleague.web;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The stream of a file download that a service writes: the response's headers and stream are taken
 * at the first byte, so a refusal before it (a unit out of reach, a period the wrong way round) still
 * gets its error page instead of a broken half-started download.
 */
public final class Download extends OutputStream {

    private final HttpServletResponse response;
    private final String contentType;
    private final String fileName;
    private OutputStream out;

    private Download(HttpServletResponse response, String contentType, String fileName) {
        this.response = response;
        this.contentType = contentType;
        this.fileName = fileName;
    }

    public static OutputStream of(HttpServletResponse response, String contentType, String fileName) {
        return new Download(response, contentType, fileName);
    }

    /** An xlsx workbook. */
    public static OutputStream xlsx(HttpServletResponse response, String fileName) {
        return of(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    private OutputStream open() throws IOException {
        if (out == null) {
            response.setContentType(contentType);
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            out = response.getOutputStream();
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        open().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        open().write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }
}
