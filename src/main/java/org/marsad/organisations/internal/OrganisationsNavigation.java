package org.marsad.organisations.internal;

import org.marsad.platform.web.HomeSection;
import org.marsad.platform.web.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganisationsNavigation {

    @Bean
    NavigationLink organisationsLink() {
        return new NavigationLink("nav.organisations", "/organisations", 30);
    }

    @Bean
    HomeSection organisationsHome(OrganisationRepository organisations) {
        return new HomeSection("home.organisations.title", "home.organisations.description", "/organisations",
                () -> organisations.count(null, null, null, false), 30);
    }
}
