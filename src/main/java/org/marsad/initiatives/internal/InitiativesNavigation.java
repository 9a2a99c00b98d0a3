package org.marsad.initiatives.internal;

import java.time.Duration;

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
        // Counting the public initiatives reads every current revision (70 ms with 50,000): the home page's count is
        // kept until the next write.
        StampedCache<Long> count = new StampedCache<>(1, Duration.ofMinutes(1));
        return new HomeSection("home.initiatives.title", "home.initiatives.description", "/scoreboards",
                () -> count.get("public", initiatives.stamp(), initiatives::countCurrent), 25);
    }
}
