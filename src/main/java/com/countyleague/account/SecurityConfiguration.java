package com.countyleague.account;

import jakarta.servlet.DispatcherType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * URL rules are the outer fence only: every service checks role and reach again. CSRF stays on for
 * every form and for htmx and JSON calls (header from the page's meta tags).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final Logger REFUSALS = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String[] STAFF = {"COUNTY_ADMIN", "ORG_ADMIN", "BRANCH_SECRETARY", "GROUP_LEADER"};

    private final OperationLogInterceptor operationLogInterceptor;
    private final ChangeReasonInterceptor changeReasonInterceptor;

    SecurityConfiguration(OperationLogInterceptor operationLogInterceptor, ChangeReasonInterceptor changeReasonInterceptor) {
        this.operationLogInterceptor = operationLogInterceptor;
        this.changeReasonInterceptor = changeReasonInterceptor;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInHandlers handlers, SignInCaptcha captcha) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login", "/login/captcha", "/upload-too-large", "/error", "/webjars/**", "/assets/**", "/favicon.ico",
                                "/sw.js", "/manifest.webmanifest").permitAll()
                        // a campaign's public application page (招募令)
                        .requestMatchers("/join/**", "/verify/**", "/notices/**", "/transparency", "/transparency.csv").permitAll()
                        // what a youth card's QR code opens, for whoever scans it
                        .requestMatchers("/card/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("COUNTY_ADMIN")
                        .requestMatchers("/admin/logs/**", "/admin/online/**", "/admin/dictionaries/**", "/admin/books/**", "/admin/keys/**").hasRole("COUNTY_ADMIN")
                        // a branch's League year (dues, meetings, review, recommendations) is its secretary's and the units above; a group leader has none
                        .requestMatchers("/admin/dues/**", "/admin/meetings/**", "/admin/reviews/**", "/admin/recommendations/**",
                                "/admin/study/**")
                                .hasAnyRole("COUNTY_ADMIN", "ORG_ADMIN", "BRANCH_SECRETARY")
                        .requestMatchers("/admin/**").hasAnyRole(STAFF)
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(handlers)
                        .failureHandler(handlers)
                        .permitAll())
                // the JSON API answers 401 to a caller without a session instead of sending them to the sign-in page
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoints()).accessDeniedHandler(loggedRefusals()))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessHandler(handlers))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny())
                        // check-in tokens and card codes travel in URLs: never hand them to another site
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // the camera only for our own pages (scanning codes); nothing else a page could ask the phone for
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")))
                .addFilterBefore(new CaptchaFilter(captcha, handlers), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new MustChangePasswordFilter(), AuthorizationFilter.class);
        return http.build();
    }

    /** Pages send a caller without a session to sign in; the JSON API answers 401. */
    /** Every refusal is logged with who asked for what, then answered with the 403 page as before. */
    private static AccessDeniedHandler loggedRefusals() {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        return (request, response, refusal) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            REFUSALS.warn("Refused {} {} to {}: {}", request.getMethod(), request.getRequestURI(),
                    caller == null ? "nobody" : caller.getName(), refusal.getMessage());
            page.handle(request, response, refusal);
        };
    }

    private static AuthenticationEntryPoint entryPoints() {
        return DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(operationLogInterceptor);
        // after the log's: a change refused for want of a reason is still logged
        registry.addInterceptor(changeReasonInterceptor);
    }
}
