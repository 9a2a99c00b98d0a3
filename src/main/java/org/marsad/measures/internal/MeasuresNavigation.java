package org.marsad.measures.internal;

import org.marsad.platform.web.HomeSection;
import org.marsad.platform.web.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MeasuresNavigation {

    @Bean
    NavigationLink measuresLink() {
        return new NavigationLink("nav.measures", "/measures", 40);
    }

    @Bean
    HomeSection measuresHome(MeasureRepository measures) {
        return new HomeSection("home.measures.title", "home.measures.description", "/measures", measures::countLive, 40);
    }
}
