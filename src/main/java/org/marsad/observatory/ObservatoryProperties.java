package org.marsad.observatory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the observatory ({@code marsad.observatory.*}). {@code importMaxSize}: the largest file an import
 * accepts as a request body ({@code MARSAD_IMPORT_MAX_SIZE}); multipart uploads also obey Spring's multipart limit.
 */
@ConfigurationProperties("marsad.observatory")
public record ObservatoryProperties(DataSize importMaxSize) {

    public ObservatoryProperties {
        if (importMaxSize == null) {
            importMaxSize = DataSize.ofMegabytes(50);
        }
    }
}
