package org.marsad.skills.web;

import org.marsad.platform.security.AnonymousPost;
import org.marsad.platform.web.HomeSection;
import org.marsad.platform.web.NavigationLink;
import org.marsad.skills.experts.ExpertsApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SkillsNavigation {

    @Bean
    NavigationLink skillsLink() {
        return new NavigationLink("nav.skills", "/skills", 40);
    }

    @Bean
    HomeSection skillsHome(ExpertsApi experts) {
        return new HomeSection("home.skills.title", "home.skills.description", "/skills", experts::count, 40);
    }

    /** Experts sign up without an account: the page and the API. */
    @Bean
    AnonymousPost expertSignUpPage() {
        return new AnonymousPost("/skills/register");
    }

    @Bean
    AnonymousPost expertSignUpApi() {
        return new AnonymousPost("/api/v1/skills/experts");
    }
}
