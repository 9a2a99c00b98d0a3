package org.marsad.platform.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.platform.security.ApiTokens;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.UserAccount;
import org.marsad.platform.security.UserAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "The current user, personal access tokens, and user administration (ADMIN)")
class AccountRestController {

    private final UserAccounts accounts;
    private final ApiTokens tokens;

    AccountRestController(UserAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/me")
    @Operation(summary = "Who the request is authenticated as")
    Me me() {
        MarsadPrincipal me = CurrentUser.required();
        return new Me(me.id(), me.username(), me.displayName(), me.roles(), me.organisationId(), me.language());
    }

    @GetMapping("/me/tokens")
    @Operation(summary = "My personal access tokens (never their secret)")
    List<ApiTokens.TokenView> myTokens() {
        return tokens.mine();
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal access token; the secret is in the answer, once")
    ApiTokens.CreatedToken createToken(@RequestBody NewToken body) {
        return tokens.create(body.name(), body.validDays());
    }

    @DeleteMapping("/me/tokens/{id}")
    @Operation(summary = "Revoke one of my tokens")
    ApiTokens.TokenView revokeToken(@PathVariable long id) {
        return tokens.revoke(id);
    }

    @GetMapping("/users")
    @Operation(summary = "All users (ADMIN)")
    List<UserAccount.UserView> users() {
        return accounts.list();
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "One user (ADMIN)")
    UserAccount.UserView user(@PathVariable long id) {
        return accounts.get(id);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (ADMIN)")
    UserAccount.UserView createUser(@RequestBody UserAccounts.NewUser body) {
        return accounts.create(body);
    }

    @PutMapping("/users/{id}")
    @Operation(summary = "Change a user's name, e-mail, roles, organisation or status (ADMIN)")
    UserAccount.UserView updateUser(@PathVariable long id, @RequestBody UserAccounts.UserUpdate body) {
        return accounts.update(id, body);
    }

    record Me(long id, String username, String displayName, Set<Role> roles, Long organisationId, String language) {
    }

    record NewToken(String name, Integer validDays) {
    }
}
