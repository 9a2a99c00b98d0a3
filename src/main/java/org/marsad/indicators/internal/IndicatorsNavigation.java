package org.marsad.indicators.internal;

import org.marsad.platform.web.HomeSection;
import org.marsad.platform.web.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IndicatorsNavigation {

    @Bean
    NavigationLink indicatorsLink() {
        return new NavigationLink("nav.indicators", "/indicators", 50);
    }

    @Bean
    HomeSection indicatorsHome(IndicatorRepository indicators) {
        return new HomeSection("home.indicators.title", "home.indicators.description", "/indicators",
                indicators::countLive, 50);
    }
}
