package org.marsad.platform.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.marsad.platform.Language;
import org.marsad.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * One filter chain for pages and API: sessions with form login and CSRF for the browser, personal access tokens
 * for API clients. URL rules are a first net; services check roles and record ownership on every write.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere; everything comes from Marsad itself. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI injects a style element; it alone may use inline styles (still no inline script). */
    static final String SWAGGER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher API = Problems::isApi;
    private static final RequestMatcher SWAGGER_UI = request -> request.getRequestURI().startsWith("/swagger-ui");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts accounts, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                    UserDetails user) {
                // The session keeps the principal; it has no use for the password hash.
                Object stripped = user instanceof MarsadPrincipal p ? p.withoutPassword() : user;
                return super.createSuccessAuthentication(stripped, authentication, user);
            }
        };
        provider.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(provider);
        // Failures and successes become events: LoginAttempts counts them to lock accounts under attack.
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, Problems problems,
            LocaleResolver localeResolver, AuthenticationManager authenticationManager,
            ObjectProvider<AnonymousPost> anonymousPosts) throws Exception {
        Set<String> signUps = anonymousPosts.stream().map(AnonymousPost::path).collect(Collectors.toSet());
        RequestMatcher signUp = request -> "POST".equals(request.getMethod())
                && signUps.contains(request.getRequestURI().substring(request.getContextPath().length()));
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> !Problems.isApi(request) && "GET".equals(request.getMethod()));

        http
                .authenticationManager(authenticationManager)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/audit/**", "/api/v1/audit/**").hasAnyRole("ADMIN", "COORDINATOR")
                        .requestMatchers("/admin/**", "/api/v1/users/**").hasRole("ADMIN")
                        .requestMatchers("/account/**", "/api/v1/me/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/login", "/language").permitAll()
                        .requestMatchers(signUp).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(successHandler(localeResolver, requestCache))
                        .failureHandler(failureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .requestCache(cache -> cache.requestCache(requestCache))
                // CSRF protects session cookies. A bearer request carries no cookie to abuse, and an API request
                // without a session is anonymous: it gets a 401, not a CSRF 403. The token lives in a cookie of its
                // own (compared with the form field or header, masked in every page), not in the session: every
                // page carries a token for its language switch, and anonymous readers must not each get a session
                // written to the database.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .ignoringRequestMatchers(BearerTokenFilter::hasBearer,
                                request -> Problems.isApi(request) && request.getSession(false) == null))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
                        }, API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> !Problems.isApi(request))
                        .defaultAccessDeniedHandlerFor((request, response, e) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden"), API))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_CONTENT_SECURITY_POLICY)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter((request, response) ->
                                response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
                        .addHeaderWriter((request, response) ->
                                response.setHeader("Cross-Origin-Opener-Policy", "same-origin")));
        return http.build();
    }

    /** CSRF tokens in an {@code XSRF-TOKEN} cookie (HttpOnly, SameSite=Lax), not in the session. */
    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    private static SavedRequestAwareAuthenticationSuccessHandler successHandler(LocaleResolver localeResolver,
            HttpSessionRequestCache requestCache) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws ServletException, IOException {
                if (authentication.getPrincipal() instanceof MarsadPrincipal principal) {
                    Language.fromCode(principal.language())
                            .ifPresent(language -> localeResolver.setLocale(request, response, language.locale()));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setRequestCache(requestCache);
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) ->
                response.sendRedirect(request.getContextPath()
                        + (exception instanceof LockedException ? "/login?locked" : "/login?error"));
    }
}
