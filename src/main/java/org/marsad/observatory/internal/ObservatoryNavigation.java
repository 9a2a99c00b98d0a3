package org.marsad.observatory.internal;

import org.marsad.platform.web.HomeSection;
import org.marsad.platform.web.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObservatoryNavigation {

    @Bean
    NavigationLink observatoryLink() {
        return new NavigationLink("nav.observatory", "/observatory", 35);
    }

    @Bean
    NavigationLink comparisonLink() {
        return new NavigationLink("nav.compare", "/observatory/compare", 36);
    }

    @Bean
    HomeSection observatoryHome(DatasetRepository datasets) {
        return new HomeSection("home.observatory.title", "home.observatory.description", "/observatory",
                () -> datasets.summaries(false).size(), 40);
    }

    @Bean
    HomeSection comparisonHome(DatasetRepository datasets) {
        return new HomeSection("home.compare.title", "home.compare.description", "/observatory/compare",
                () -> datasets.summaries(false).stream().filter(d -> d.sources().size() > 1).count(), 45);
    }
}
