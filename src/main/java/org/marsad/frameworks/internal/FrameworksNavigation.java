package org.marsad.frameworks.internal;

import org.marsad.platform.web.HomeSection;
import org.marsad.platform.web.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FrameworksNavigation {

    @Bean
    NavigationLink frameworksLink() {
        return new NavigationLink("nav.frameworks", "/frameworks", 10);
    }

    @Bean
    NavigationLink crosswalkLink() {
        return new NavigationLink("nav.crosswalk", "/crosswalk", 20);
    }

    @Bean
    HomeSection frameworksHome(FrameworkRepository frameworks) {
        return new HomeSection("home.frameworks.title", "home.frameworks.description", "/frameworks",
                frameworks::countFrameworks, 10);
    }

    @Bean
    HomeSection crosswalkHome(CrosswalkRepository crosswalk) {
        return new HomeSection("home.crosswalk.title", "home.crosswalk.description", "/crosswalk",
                crosswalk::countLive, 20);
    }
}
