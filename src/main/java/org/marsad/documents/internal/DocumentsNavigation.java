package org.marsad.documents.internal;

import org.marsad.documents.DocumentsApi;
import org.marsad.platform.web.HomeSection;
import org.marsad.platform.web.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentsNavigation {

    @Bean
    NavigationLink documentsLink() {
        return new NavigationLink("nav.documents", "/documents", 40);
    }

    @Bean
    HomeSection documentsHome(DocumentsApi documents) {
        return new HomeSection("home.documents.title", "home.documents.description", "/documents",
                () -> documents.list().size(), 40);
    }
}
