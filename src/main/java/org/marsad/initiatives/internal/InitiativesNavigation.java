package org.marsad.initiatives.internal;

import org.marsad.platform.web.HomeSection;
import org.marsad.platform.web.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InitiativesNavigation {

    @Bean
    NavigationLink initiativesLink() {
        return new NavigationLink("nav.initiatives", "/initiatives", 25);
    }

    @Bean
    NavigationLink scoreboardsLink() {
        return new NavigationLink("nav.scoreboards", "/scoreboards", 26);
    }

    @Bean
    HomeSection initiativesHome(InitiativeRepository initiatives) {
        return new HomeSection("home.initiatives.title", "home.initiatives.description", "/scoreboards",
                initiatives::countCurrent, 25);
    }
}
