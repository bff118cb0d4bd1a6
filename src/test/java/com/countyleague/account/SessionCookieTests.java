package com.countyleague.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.countyleague.BrowserTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie as the running server sets it (MockMvc has no server, so it shows no server's
 * cookie settings): HttpOnly and SameSite always, Secure whenever the request came over HTTPS —
 * directly, or through a proxy that ends TLS with the forwarded-headers strategy set.
 */
@BrowserTest
class SessionCookieTests {

    @LocalServerPort
    int port;

    @Autowired
    CookieSerializer cookies;

    @Test
    void theServersSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestCameOverHttps() {
        assertThat(written(true)).contains("; Secure", "HttpOnly", "SameSite=Lax");
        assertThat(written(false)).doesNotContain("Secure");
    }

    private String written(boolean secure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setSecure(secure);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.writeCookieValue(new CookieSerializer.CookieValue(request, response, "c2Vzc2lvbg"));
        return response.getHeader("Set-Cookie");
    }
}
