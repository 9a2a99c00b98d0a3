package org.marsad.skills.experts;

import java.util.List;

/**
 * Self-service sign-up of an expert: the account (user name, password, e-mail, language), the consents given by
 * purpose ({@code PROFILE} is required), and the profile, of which only the name and country are required.
 */
public record Registration(String username, String password, String email, String language, List<String> consents,
        ExpertInput profile) {
}
